package org.vigil.knowledge.renal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.RowsByIngredient;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Kidney-function thresholds below which a drug must be avoided, reduced or watched. Immutable; a
 * lookup is one hash probe by ingredient and a scan of its few rows.
 */
public final class RenalThresholds {

    public static final String RENAL_THRESHOLDS = "renal-thresholds.tsv";

    /** The tables this part loads, in load and hashing order. */
    public static final List<String> FILES = List.of(RENAL_THRESHOLDS);

    /** The kidney-function measures a row may compare; both must also be lab analyte ids. */
    public static final Set<String> MEASURES = Set.of("egfr", "creatinine_clearance");

    /** No kidney-function measure reaches this; a larger threshold is a typing error. */
    private static final BigDecimal MAX_PLAUSIBLE = BigDecimal.valueOf(200);

    private static final List<String> REQUIRED =
            List.of("drug", "measure", "threshold", "comparison", "action", "advice", "source");

    /** Strictest first: action, then the lower threshold (the more advanced impairment). */
    private static final Comparator<RenalThreshold> STRICTEST_FIRST =
            Comparator.comparing(RenalThreshold::action).thenComparing(RenalThreshold::threshold);

    private final List<RenalThreshold> all;
    private final Map<Integer, List<RenalThreshold>> byIngredient;

    private RenalThresholds(List<RenalThreshold> all, Map<Integer, List<RenalThreshold>> byIngredient) {
        this.all = all;
        this.byIngredient = byIngredient;
    }

    /**
     * Parses and validates {@link #FILES} from already-read tables (file name to bytes).
     *
     * @param analyteIds the lab analyte ids of the snapshot; a row's measure must be one of them
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static RenalThresholds parse(Map<String, byte[]> tables, DrugVocabulary drugs, Set<String> analyteIds) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        Objects.requireNonNull(analyteIds, "analyteIds");
        byte[] bytes = tables.get(RENAL_THRESHOLDS);
        if (bytes == null) {
            throw new KnowledgeLoadException(RENAL_THRESHOLDS, 0, "table missing");
        }
        List<RenalThreshold> rows = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        TsvReader.read(RENAL_THRESHOLDS, bytes, REQUIRED, row -> {
            RenalThreshold threshold = threshold(row, drugs, analyteIds);
            String key = threshold.drug().text()
                    + '|'
                    + threshold.measure()
                    + '|'
                    + threshold.threshold().stripTrailingZeros().toPlainString();
            Integer first = lineOf.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error("duplicate threshold " + threshold.threshold().toPlainString() + " of "
                        + threshold.measure() + " for " + threshold.drug().text() + " (first at line " + first + ")");
            }
            rows.add(threshold);
        });
        return new RenalThresholds(
                List.copyOf(rows),
                RowsByIngredient.index(rows, threshold -> threshold.drug().ingredients(), STRICTEST_FIRST));
    }

    private static RenalThreshold threshold(TsvRow row, DrugVocabulary drugs, Set<String> analyteIds) {
        DrugReference drug = DrugReference.read(row, "drug", "drug_name", drugs);
        String measure = row.required("measure");
        if (!MEASURES.contains(measure)) {
            throw row.error("column 'measure' must be egfr or creatinine_clearance, not '" + measure + "'");
        }
        if (!analyteIds.contains(measure)) {
            throw row.error(
                    "column 'measure' refers to unknown lab analyte '" + measure + "' (not in lab-analytes.tsv)");
        }
        BigDecimal threshold = row.decimal("threshold");
        if (threshold.signum() <= 0 || threshold.compareTo(MAX_PLAUSIBLE) > 0) {
            throw row.error("threshold " + threshold.toPlainString() + " is outside 0 to " + MAX_PLAUSIBLE
                    + " (mL/min or mL/min/1.73 m2)");
        }
        Comparison comparison = row.enumValue("comparison", Comparison.class);
        RenalAction action = row.enumValue("action", RenalAction.class);
        String advice = row.required("advice");
        Citation citation = row.citation();
        return new RenalThreshold(drug, measure, threshold, comparison, action, advice, citation, row.line());
    }

    /** Every threshold of an ingredient, strictest first; empty when it has none. */
    public List<RenalThreshold> thresholds(int rxcui) {
        return byIngredient.getOrDefault(rxcui, List.of());
    }

    /**
     * The strictest threshold of the ingredient that a measured value breaches: the strongest action,
     * and among equal actions the lowest threshold. Empty when the value breaches none, when the
     * measure is not one this table knows, or when the value is not a finite number.
     *
     * @param measure {@code egfr} or {@code creatinine_clearance}
     * @param value in the measure's canonical unit
     */
    public Optional<RenalThreshold> breached(int rxcui, String measure, double value) {
        List<RenalThreshold> rows = byIngredient.get(rxcui);
        if (rows == null || measure == null || !Double.isFinite(value)) {
            return Optional.empty();
        }
        for (RenalThreshold threshold : rows) { // sorted strictest first
            if (threshold.measure().equals(measure) && threshold.breachedBy(value)) {
                return Optional.of(threshold);
            }
        }
        return Optional.empty();
    }

    /** Every row, in table order. */
    public List<RenalThreshold> all() {
        return all;
    }

    @Override
    public String toString() {
        return "RenalThresholds[" + all.size() + " rows]";
    }
}
