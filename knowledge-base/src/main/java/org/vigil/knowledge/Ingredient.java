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
}
