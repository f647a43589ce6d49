package org.vigil.knowledge.druglab;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Severity;
import org.vigil.knowledge.lab.Analyte;

/**
 * One row of {@code drug-lab.tsv}: while a patient takes the drug, a recent result of the analyte
 * on the alerting side of the threshold is a problem worth a card.
 *
 * @param id stable row id, e.g. {@code DLB-001}; appears in the finding
 * @param drug the table's drug reference: an ingredient RxCUI ({@code 11289}) or {@code class:<id>}
 * @param drugName display name of the ingredient or class
 * @param analyte the analyte compared (from the lab catalog)
 * @param comparison the alerting side of the threshold
 * @param threshold the limit, in {@link Analyte#canonicalUnit()}
 * @param lookback how old a result may be and still count, or {@code null} when the source gives no
 *     window (the latest result counts whatever its age; the check may apply its own policy)
 * @param severity how serious a breach is
 * @param interruptive whether a breach should interrupt the prescriber
 * @param rationale why the combination matters, in our words
 * @param management what to do about it, in our words
 * @param citation the source of the threshold
 */
public record DrugLabRule(
        String id,
        String drug,
        String drugName,
        Analyte analyte,
        Comparison comparison,
        BigDecimal threshold,
        Period lookback,
        Severity severity,
        boolean interruptive,
        String rationale,
        String management,
        Citation citation) {

    public DrugLabRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(drugName, "drugName");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(citation, "citation");
    }

    /** The unit of {@link #threshold()}: always the analyte's canonical unit. */
    public String unit() {
        return analyte.canonicalUnit();
    }

    /** The lookback window, if the source gives one. */
    public Optional<Period> lookbackWindow() {
        return Optional.ofNullable(lookback);
    }

    /**
     * Whether a value already converted to the analyte's canonical unit breaches this rule. NaN (a
     * value that could not be converted) never breaches.
     */
    public boolean breachedBy(double canonicalValue) {
        return comparison.test(canonicalValue, threshold.doubleValue());
    }

    /** For cards and logs: {@code INR > 4.0 {INR}}. */
    public String condition() {
        return analyte.name() + " " + comparison.symbol() + " " + threshold.toPlainString() + " " + unit();
    }
}
