package org.vigil.knowledge.dose;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vigil.knowledge.Citation;

/**
 * One row of {@code mme-factors.tsv}.
 *
 * @param rxcui the opioid ingredient
 * @param ingredientName its name, as in {@code ingredients.tsv}
 * @param route the route the factor is for
 * @param factor MME per {@link #doseUnit} (per mg/day, or per mcg/hr for fentanyl patches)
 * @param doseUnit what the factor multiplies
 * @param citation where the factor comes from
 */
public record MmeFactor(
        int rxcui, String ingredientName, Route route, BigDecimal factor, MmeDoseUnit doseUnit, Citation citation) {

    public MmeFactor {
        Objects.requireNonNull(ingredientName, "ingredientName");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(doseUnit, "doseUnit");
        Objects.requireNonNull(citation, "citation");
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("factor must be positive");
        }
    }

    /** The factor as a primitive, made once. */
    OptionalDouble asOptional() {
        return OptionalDouble.of(factor.doubleValue());
    }
}
