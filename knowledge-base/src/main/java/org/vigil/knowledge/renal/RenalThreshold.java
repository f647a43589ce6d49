package org.vigil.knowledge.renal;

import java.math.BigDecimal;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;

/**
 * One row of {@code renal-thresholds.tsv}.
 *
 * @param drug the ingredient or class the row names
 * @param measure the lab analyte id compared: {@code egfr} (mL/min/1.73 m2) or
 *     {@code creatinine_clearance} (mL/min)
 * @param threshold the limit, in the measure's canonical unit
 * @param comparison whether a value equal to the threshold already breaches it
 * @param action what to do once breached
 * @param advice what the prescriber should do, in our words
 * @param citation where the fact comes from
 * @param line the table line, for traceability
 */
public record RenalThreshold(
        DrugReference drug,
        String measure,
        BigDecimal threshold,
        Comparison comparison,
        RenalAction action,
        String advice,
        Citation citation,
        int line) {

    public RenalThreshold {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(citation, "citation");
    }

    /** Whether a measured value (in the measure's canonical unit) breaches this threshold. */
    public boolean breachedBy(double value) {
        return comparison.breachedBy(value, threshold.doubleValue());
    }
}
