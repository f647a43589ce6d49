package org.vigil.knowledge.monitoring;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.knowledge.DrugReference;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.RowsByIngredient;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.LabCatalog;
import org.vigil.knowledge.lab.Loinc;
import org.vigil.knowledge.lab.LoincMapping;

/**
 * Laboratory monitoring required by a drug ({@code monitoring.tsv}): INR for warfarin, serum levels
 * for aminoglycosides, vancomycin and lithium, potassium for aldosterone antagonists. Validated
 * against the drug vocabulary and the lab catalog at load; immutable afterwards. Class rows are
 * expanded to their members at load, so {@link #requirements(int)} is one hash probe.
 */
public final class MonitoringRequirements {

    public static final String MONITORING = "monitoring.tsv";

    /** The table files, in load (and hashing) order. */
    public static final List<String> FILES = List.of(MONITORING);

    private static final String CLASS_PREFIX = "class:";
    private static final Pattern ID = Pattern.compile("MON-[0-9]{3,}");
    private static final List<String> REQUIRED = List.of(
            "id",
            "drug",
            "drug_name",
            "analyte",
            "loinc",
            "test_name",
            "baseline",
            "first_check",
            "interval",
            "schedule",
            "rationale",
            "source");

    private final Map<Integer, List<MonitoringRequirement>> byIngredient;
    private final List<MonitoringRequirement> all;

    private MonitoringRequirements(
            Map<Integer, List<MonitoringRequirement>> byIngredient, List<MonitoringRequirement> all) {
        this.byIngredient = byIngredient;
        this.all = all;
    }

    /** Reads {@link #FILES} from {@code source} and validates them. */
    public static MonitoringRequirements load(KnowledgeSource source, DrugVocabulary drugs, LabCatalog labs) {
        Objects.requireNonNull(source, "source");
        Map<String, byte[]> tables = source.readAll(FILES);
        return parse(tables, drugs, labs);
    }

    /**
     * Validates already-read tables (file name to bytes) against the drug vocabulary and the lab
     * catalog.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static MonitoringRequirements parse(Map<String, byte[]> tables, DrugVocabulary drugs, LabCatalog labs) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        Objects.requireNonNull(labs, "labs");
        byte[] bytes = tables.get(MONITORING);
        if (bytes == null) {
            throw new KnowledgeLoadException(MONITORING, 0, "table missing");
        }
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        List<MonitoringRequirement> all = new ArrayList<>();
        Map<MonitoringRequirement, Set<Integer>> membersOf = new HashMap<>();
        TsvReader.read(MONITORING, bytes, REQUIRED, row -> {
            String id = row.required("id");
            if (!ID.matcher(id).matches()) {
                throw row.error("id '" + id + "' must look like MON-001");
            }
            Integer firstId = lineOfId.putIfAbsent(id, row.line());
            if (firstId != null) {
                throw row.error("duplicate id " + id + " (first at line " + firstId + ")");
            }
            String drug = row.required("drug");
            Set<Integer> members =
                    DrugReference.readNamed(row, "drug", "drug_name", drugs).ingredients();
            String loinc = row.required("loinc");
            if (!Loinc.isValid(loinc)) {
                throw row.error("loinc '" + loinc + "' is not a LOINC code with a valid check digit");
            }
            Analyte analyte = analyte(row, loinc, labs);
            boolean baseline = row.bool("baseline");
            Period firstCheck = row.optionalPeriod("first_check");
            Period interval = row.optionalPeriod("interval");
            MonitoringRequirement requirement = new MonitoringRequirement(
                    id,
                    drug,
                    row.required("drug_name"),
                    analyte,
                    loinc,
                    row.required("test_name"),
                    baseline,
                    firstCheck,
                    interval,
                    row.required("schedule"),
                    row.required("rationale"),
                    row.citation());
            // One requirement per ingredient and test: two would ask for the same order twice.
            String test = analyte != null ? analyte.id() : loinc;
            for (int rxcui : members) {
                Integer first = lineOfKey.putIfAbsent(rxcui + "|" + test, row.line());
                if (first != null) {
                    throw row.error("ingredient " + rxcui + " already requires '" + test + "' at line " + first);
                }
            }
            membersOf.put(requirement, members);
            all.add(requirement);
        });
        return new MonitoringRequirements(RowsByIngredient.index(all, membersOf::get, null), List.copyOf(all));
    }

    /** What an ingredient requires (class rows included), in table order; empty when nothing. */
    public List<MonitoringRequirement> requirements(int rxcui) {
        return byIngredient.getOrDefault(rxcui, List.of());
    }

    /** Every row, in table order. */
    public Collection<MonitoringRequirement> all() {
        return all;
    }

    /**
     * The row's analyte: when given, it must be a catalog analyte that the LOINC code reports; when
     * blank, the LOINC code must be one the catalog does not know (otherwise name its analyte, so the
     * check recognises every code of that analyte).
     */
    private static Analyte analyte(TsvRow row, String loinc, LabCatalog labs) {
        Optional<LoincMapping> mapping = labs.mapping(loinc);
        if (row.optional("analyte") == null) {
            if (mapping.isPresent()) {
                throw row.error("loinc " + loinc + " reports catalog analyte '"
                        + mapping.get().analyte().id() + "': fill in column 'analyte'");
            }
            return null;
        }
        Analyte analyte = row.resolve("analyte", labs::analyte, "analyte (not in lab-analytes.tsv)");
        if (mapping.isEmpty() || !mapping.get().analyte().id().equals(analyte.id())) {
            throw row.error("loinc " + loinc + " is not a code of analyte '" + analyte.id() + "' in lab-analytes.tsv");
        }
        return analyte;
    }

    @Override
    public String toString() {
        return "MonitoringRequirements[" + all.size() + " requirements, " + byIngredient.size() + " ingredients]";
    }
}
