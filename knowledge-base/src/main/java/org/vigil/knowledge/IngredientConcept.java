package org.vigil.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * An RxNorm concept that names ingredients without strength or dose form: a precise ingredient (PIN,
 * a salt or ester such as naproxen sodium) or a multiple-ingredient concept (MIN, the ingredients of a
 * combination product). EHRs use both on medication and allergy lists; either stands for the base
 * ingredients it names.
 *
 * @param rxcui RxNorm concept id
 * @param termType PIN or MIN
 * @param name the RxNorm name as the source spells it
 * @param ingredients the base ingredients: one for a PIN, two or more for a MIN
 * @param citation where the code and name come from
 */
public record IngredientConcept(
        int rxcui, TermType termType, String name, List<Ingredient> ingredients, Citation citation) {

    /** The RxNorm term types this table holds. */
    public enum TermType {
        /** Precise ingredient: a salt, ester or other specific form of one ingredient. */
        PIN,
        /** Multiple ingredients: the ingredient set of a combination product. */
        MIN
    }

    public IngredientConcept {
        Objects.requireNonNull(termType, "termType");
        Objects.requireNonNull(name, "name");
        ingredients = List.copyOf(ingredients);
        Objects.requireNonNull(citation, "citation");
        if (termType == TermType.PIN && ingredients.size() != 1) {
            throw new IllegalArgumentException("a precise ingredient has exactly one base ingredient");
        }
        if (termType == TermType.MIN && ingredients.size() < 2) {
            throw new IllegalArgumentException("a multiple-ingredient concept has at least two ingredients");
        }
    }

    RecognizedMedication recognized() {
        return new RecognizedMedication(
                ingredients.stream().map(Component::of).toList(),
                null,
                termType == TermType.PIN
                        ? RecognitionMethod.PRECISE_INGREDIENT_CODE
                        : RecognitionMethod.MULTIPLE_INGREDIENT_CODE);
    }
}
