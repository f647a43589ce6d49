package org.vigil.knowledge.lab;

import java.util.Objects;
import java.util.OptionalDouble;
import org.vigil.knowledge.Citation;

/**
 * Reference interval and critical (panic) limits of one analyte for one population, in the analyte's
 * canonical unit. Any limit may be absent.
 *
 * <p>Critical limits are exclusive: Kost's survey reports the thresholds beyond which a result must be
 * phoned to a clinician, so only a value strictly below the low limit or strictly above the high limit
 * is critical; a value exactly at the limit is not. Reference limits are inclusive: a value equal to
 * the lower or upper reference limit is normal.
 */
public final class LabLimits {

    private final Analyte analyte;
    private final Population population;
    private final double referenceLow;
    private final double referenceHigh;
    private final double criticalLow;
    private final double criticalHigh;
    private final Citation citation;

    LabLimits(
            Analyte analyte,
            Population population,
            double referenceLow,
            double referenceHigh,
            double criticalLow,
            double criticalHigh,
            Citation citation) {
        this.analyte = Objects.requireNonNull(analyte, "analyte");
        this.population = Objects.requireNonNull(population, "population");
        this.referenceLow = referenceLow;
        this.referenceHigh = referenceHigh;
        this.criticalLow = criticalLow;
        this.criticalHigh = criticalHigh;
        this.citation = Objects.requireNonNull(citation, "citation");
    }

    /**
     * Classifies a value already converted to {@link Analyte#canonicalUnit()} (see
     * {@link LabCatalog#toCanonical}). Critical limits are checked first; {@link Interpretation#NORMAL}
     * needs both reference limits, otherwise a non-critical value is {@link Interpretation#UNKNOWN}
     * unless it lies outside the one reference limit that is known.
     */
    public Interpretation classify(double canonicalValue) {
        if (!Double.isFinite(canonicalValue)) {
            return Interpretation.UNKNOWN;
        }
        if (!Double.isNaN(criticalLow) && canonicalValue < criticalLow) {
            return Interpretation.CRITICAL_LOW;
        }
        if (!Double.isNaN(criticalHigh) && canonicalValue > criticalHigh) {
            return Interpretation.CRITICAL_HIGH;
        }
        if (!Double.isNaN(referenceLow) && canonicalValue < referenceLow) {
            return Interpretation.LOW;
        }
        if (!Double.isNaN(referenceHigh) && canonicalValue > referenceHigh) {
            return Interpretation.HIGH;
        }
        if (Double.isNaN(referenceLow) || Double.isNaN(referenceHigh)) {
            return Interpretation.UNKNOWN;
        }
        return Interpretation.NORMAL;
    }

    public Analyte analyte() {
        return analyte;
    }

    public Population population() {
        return population;
    }

    public OptionalDouble referenceLow() {
        return optional(referenceLow);
    }

    public OptionalDouble referenceHigh() {
        return optional(referenceHigh);
    }

    public OptionalDouble criticalLow() {
        return optional(criticalLow);
    }

    public OptionalDouble criticalHigh() {
        return optional(criticalHigh);
    }

    /** The literature the limits come from. */
    public Citation citation() {
        return citation;
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public String toString() {
        return "LabLimits[" + analyte.id() + ", " + population + ", reference " + referenceLow + ".." + referenceHigh
                + ", critical <" + criticalLow + " >" + criticalHigh + "]";
    }
}
