package org.vigil.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest result of one analyte (laboratory test or vital sign), in the analyte's canonical
 * unit, with the result before it for the trend.
 *
 * @param reference relative FHIR reference of the Observation, e.g. {@code Observation/k1}
 * @param analyte analyte id from the knowledge base, e.g. {@code potassium}
 * @param loinc the LOINC code the result was recorded under
 * @param value the value in {@code unit}, the analyte's canonical unit
 * @param effective when the result applies (effective time, else issued), or null when unstated
 * @param previousValue the result before it in the canonical unit, or NaN when there is none
 */
public record LabResult(
        String reference,
        String analyte,
        String loinc,
        double value,
        String unit,
        Instant effective,
        double previousValue,
        Instant previousEffective)
        implements ResultOnRecord {

    public LabResult {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(unit, "unit");
    }

    public boolean hasPrevious() {
        return !Double.isNaN(previousValue);
    }
}
