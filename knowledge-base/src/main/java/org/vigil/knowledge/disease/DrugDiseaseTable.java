package org.vigil.knowledge.disease;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Drug-disease conflicts: drugs that a patient's condition makes contraindicated or dangerous.
 * Immutable; a lookup is one hash probe by ingredient, then one probe per condition group the
 * patient has.
 */
public final class DrugDiseaseTable {

    public static final String DRUG_DISEASE = "drug-disease.tsv";

    /** The tables this part loads, in load and hashing order. */
    public static final List<String> FILES = List.of(DRUG_DISEASE);

    private static final List<String> REQUIRED =
            List.of("drug", "condition_group", "severity", "interruptive", "rationale", "management", "source");

    private static final Comparator<DrugDisease> STRONGEST_FIRST =
            Comparator.comparing(DrugDisease::severity).thenComparingInt(DrugDisease::line);

    private final List<DrugDisease> all;
    /** ingredient → condition group → rows, strongest first. */
    private final Map<Integer, Map<String, List<DrugDisease>>> byIngredient;

    private DrugDiseaseTable(List<DrugDisease> all, Map<Integer, Map<String, List<DrugDisease>>> byIngredient) {
        this.all = all;
        this.byIngredient = byIngredient;
    }

    /**
     * Parses and validates {@link #FILES} from already-read tables (file name to bytes).
     *
     * @param conditionGroupIds the condition group ids of the snapshot; a row's group must be one
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static DrugDiseaseTable parse(
            Map<String, byte[]> tables, DrugVocabulary drugs, Set<String> conditionGroupIds) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        Objects.requireNonNull(conditionGroupIds, "conditionGroupIds");
        byte[] bytes = tables.get(DRUG_DISEASE);
        if (bytes == null) {
            throw new KnowledgeLoadException(DRUG_DISEASE, 0, "table missing");
        }
        List<DrugDisease> rows = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        TsvReader.read(DRUG_DISEASE, bytes, REQUIRED, row -> {
            DrugDisease entry = entry(row, drugs, conditionGroupIds);
            String key = entry.drug().text() + '|' + entry.conditionGroup();
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error("duplicate pair " + entry.drug().text() + " with " + entry.conditionGroup()
                        + " (first at line " + first + ")");
            }
            rows.add(entry);
        });
        Map<Integer, Map<String, List<DrugDisease>>> index = new HashMap<>();
        for (DrugDisease entry : rows) {
            for (int rxcui : entry.drug().ingredients()) {
                index.computeIfAbsent(rxcui, k -> new HashMap<>())
                        .computeIfAbsent(entry.conditionGroup(), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        Map<Integer, Map<String, List<DrugDisease>>> frozen = new HashMap<>();
        index.forEach((rxcui, byGroup) -> {
            Map<String, List<DrugDisease>> groups = new HashMap<>();
            byGroup.forEach((group, list) -> {
                list.sort(STRONGEST_FIRST);
                groups.put(group, List.copyOf(list));
            });
            frozen.put(rxcui, Map.copyOf(groups));
        });
        return new DrugDiseaseTable(List.copyOf(rows), Map.copyOf(frozen));
    }

    private static DrugDisease entry(TsvRow row, DrugVocabulary drugs, Set<String> conditionGroupIds) {
        DrugReference drug = DrugReference.read(row, "drug", "drug_name", drugs);
        String group = row.required("condition_group");
        if (!conditionGroupIds.contains(group)) {
            throw row.error("column 'condition_group' refers to unknown condition group '" + group
                    + "' (not in condition-groups.tsv)");
        }
        DiseaseSeverity severity = row.enumValue("severity", DiseaseSeverity.class);
        boolean interruptive = row.bool("interruptive");
        String rationale = row.required("rationale");
        String management = row.required("management");
        Citation citation = row.citation();
        return new DrugDisease(drug, group, severity, interruptive, rationale, management, citation, row.line());
    }

    /**
     * The conflicts of an ingredient with any of the patient's condition groups, strongest first;
     * empty when none.
     */
    public List<DrugDisease> contraindications(int rxcui, Set<String> conditionGroups) {
        Map<String, List<DrugDisease>> byGroup = byIngredient.get(rxcui);
        if (byGroup == null || conditionGroups == null || conditionGroups.isEmpty()) {
            return List.of();
        }
        List<DrugDisease> found = null;
        for (String group : conditionGroups) {
            List<DrugDisease> rows = group == null ? null : byGroup.get(group);
            if (rows != null) {
                if (found == null) {
                    found = new ArrayList<>(rows.size());
                }
                found.addAll(rows);
            }
        }
        if (found == null) {
            return List.of();
        }
        found.sort(STRONGEST_FIRST);
        return List.copyOf(found);
    }

    /** Every row, in table order. */
    public List<DrugDisease> all() {
        return all;
    }

    @Override
    public String toString() {
        return "DrugDiseaseTable[" + all.size() + " rows]";
    }
}
