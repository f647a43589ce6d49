package org.vigil.knowledge;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One active ingredient of a medication, with its strength when the source states it (a parsed
 * RxNorm normal-form name does; an ingredient code or free text does not).
 *
 * @param ingredient the base ingredient (salts already folded)
 * @param strength amount per unit, or {@code null} when unknown
 * @param unit RxNorm strength unit in upper case ("MG", "MG/ML", "UNT/ML"), {@code null} exactly
 *     when {@code strength} is
 */
public record Component(Ingredient ingredient, BigDecimal strength, String unit) {

    public Component {
        Objects.requireNonNull(ingredient, "ingredient");
        if ((strength == null) != (unit == null)) {
            throw new IllegalArgumentException("strength and unit must both be present or both absent");
        }
    }

    public static Component of(Ingredient ingredient) {
        return new Component(ingredient, null, null);
    }
}
