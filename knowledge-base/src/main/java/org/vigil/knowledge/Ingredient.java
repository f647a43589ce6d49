package org.vigil.knowledge;

import java.util.Objects;

/**
 * An RxNorm ingredient (TTY IN): the unit interactions and allergies are matched on.
 *
 * @param rxcui RxNorm concept id, positive
 * @param name preferred name
 * @param citation where the code comes from
 */
public record Ingredient(int rxcui, String name, Citation citation) {

    public Ingredient {
        if (rxcui <= 0) {
            throw new IllegalArgumentException("rxcui must be positive: " + rxcui);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(citation, "citation");
    }

    /** An ingredient is its RxNorm concept: two rows with the same RxCUI are the same ingredient. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Ingredient ingredient && ingredient.rxcui == rxcui;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(rxcui);
    }
}
