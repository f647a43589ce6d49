package org.vigil.knowledge.lab;

import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One conversion rule: {@code canonical = value x factor + offset}. Rules come from
 * {@code lab-units.tsv}; the identity rule of an analyte's canonical unit is implicit.
 *
 * @param analyteId the analyte the rule is for, or {@code *} for every analyte with that canonical unit
 * @param unit the unit as written in the table (UCUM code or a common non-UCUM spelling)
 * @param canonicalUnit the unit the rule converts to
 * @param factor multiplier, never zero
 * @param offset added after multiplying (non-zero only for affine scales such as degrees Fahrenheit)
 * @param citation where the factor comes from
 */
public record UnitConversion(
        String analyteId, String unit, String canonicalUnit, double factor, double offset, Citation citation) {

    /** The analyte id of a rule that applies to every analyte with the same canonical unit. */
    public static final String ANY_ANALYTE = "*";

    public UnitConversion {
        Objects.requireNonNull(analyteId, "analyteId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(canonicalUnit, "canonicalUnit");
        Objects.requireNonNull(citation, "citation");
        if (!(factor > 0) || Double.isInfinite(factor) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("factor must be positive and finite, offset finite");
        }
    }

    /** The value in the canonical unit. */
    public double toCanonical(double value) {
        return value * factor + offset;
    }

    /** The inverse: a canonical value expressed in {@link #unit()}. */
    public double fromCanonical(double canonical) {
        return (canonical - offset) / factor;
    }
}
