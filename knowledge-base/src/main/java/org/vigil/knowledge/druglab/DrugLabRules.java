package org.vigil.knowledge.druglab;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.knowledge.DrugReference;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.RowsByIngredient;
import org.vigil.knowledge.Severity;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.LabCatalog;

/**
 * Drug-lab rules ({@code drug-lab.tsv}): a drug the patient takes together with a recent lab result
 * on the wrong side of a threshold (warfarin with a high INR, digoxin with a low potassium).
 * Validated against the drug vocabulary and the lab catalog at load; immutable afterwards. Rows
 * written against a class are expanded to its member ingredients at load, so {@link #rules(int)}
 * is one hash probe.
 */
public final class DrugLabRules {

    public static final String DRUG_LAB = "drug-lab.tsv";

    /** The table files, in load (and hashing) order. */
    public static final List<String> FILES = List.of(DRUG_LAB);

    static final String CLASS_PREFIX = "class:";
    private static final Pattern ID = Pattern.compile("DLB-[0-9]{3,}");
    private static final List<String> REQUIRED = List.of(
            "id",
            "drug",
            "drug_name",
            "analyte",
            "comparator",
            "threshold",
            "unit",
            "lookback",
            "severity",
            "interruptive",
            "rationale",
            "management",
            "source");

    private final Map<Integer, List<DrugLabRule>> byIngredient;
    private final List<DrugLabRule> all;

    private DrugLabRules(Map<Integer, List<DrugLabRule>> byIngredient, List<DrugLabRule> all) {
        this.byIngredient = byIngredient;
        this.all = all;
    }

    /** Reads {@link #FILES} from {@code source} and validates them. */
    public static DrugLabRules load(KnowledgeSource source, DrugVocabulary drugs, LabCatalog labs) {
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
    public static DrugLabRules parse(Map<String, byte[]> tables, DrugVocabulary drugs, LabCatalog labs) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        Objects.requireNonNull(labs, "labs");
        byte[] bytes = tables.get(DRUG_LAB);
        if (bytes == null) {
            throw new KnowledgeLoadException(DRUG_LAB, 0, "table missing");
        }
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        List<DrugLabRule> all = new ArrayList<>();
        Map<DrugLabRule, Set<Integer>> membersOf = new HashMap<>();
        TsvReader.read(DRUG_LAB, bytes, REQUIRED, row -> {
            String id = row.required("id");
            if (!ID.matcher(id).matches()) {
                throw row.error("id '" + id + "' must look like DLB-001");
            }
            Integer firstId = lineOfId.putIfAbsent(id, row.line());
            if (firstId != null) {
                throw row.error("duplicate id " + id + " (first at line " + firstId + ")");
            }
            String drug = row.required("drug");
            Set<Integer> members =
                    DrugReference.readNamed(row, "drug", "drug_name", drugs).ingredients();
            Analyte analyte = row.resolve("analyte", labs::analyte, "analyte (not in lab-analytes.tsv)");
            String unit = row.required("unit");
            if (!unit.equals(analyte.canonicalUnit())) {
                throw row.error("unit '" + unit + "' is not the canonical unit of analyte '" + analyte.id() + "' ('"
                        + analyte.canonicalUnit() + "'): write the threshold in the canonical unit");
            }
            Comparison comparison = row.resolve("comparator", Comparison::ofSymbol, "comparator (use <, <=, > or >=)");
            BigDecimal threshold = row.decimal("threshold");
            Period lookback = row.optionalPeriod("lookback");
            Severity severity = row.enumValue("severity", Severity.class);
            boolean interruptive = row.bool("interruptive");
            DrugLabRule rule = new DrugLabRule(
                    id,
                    drug,
                    row.required("drug_name"),
                    analyte,
                    comparison,
                    threshold,
                    lookback,
                    severity,
                    interruptive,
                    row.required("rationale"),
                    row.required("management"),
                    row.citation());
            // One rule per ingredient, analyte and direction: a second would alert twice on one value.
            for (int rxcui : members) {
                String key = rxcui + "|" + analyte.id() + "|" + (comparison.low() ? "low" : "high");
                Integer first = lineOfKey.putIfAbsent(key, row.line());
                if (first != null) {
                    throw row.error("ingredient " + rxcui + " already has a " + (comparison.low() ? "low" : "high")
                            + " '" + analyte.id() + "' rule at line " + first);
                }
            }
            membersOf.put(rule, members);
            all.add(rule);
        });
        return new DrugLabRules(RowsByIngredient.index(all, membersOf::get, null), List.copyOf(all));
    }

    /** The rules that apply to an ingredient (class rows included), in table order; empty when none. */
    public List<DrugLabRule> rules(int rxcui) {
        return byIngredient.getOrDefault(rxcui, List.of());
    }

    /** Every row, in table order. */
    public Collection<DrugLabRule> all() {
        return all;
    }

    @Override
    public String toString() {
        return "DrugLabRules[" + all.size() + " rules, " + byIngredient.size() + " ingredients]";
    }
}
