package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the vocabulary made of a medication: its components (ingredient and, when known, strength),
 * dose form, and how sure we are.
 *
 * @param components active components in source order; empty only when unrecognised
 * @param doseForm RxNorm dose form ("Oral Tablet"), or {@code null} when unknown
 * @param method how the medication was recognised
 * @param ingredients the distinct ingredients of the components, in order: worked out once here,
 *     because the rules ask for them on every match (derived: a value passed in is replaced)
 */
public record RecognizedMedication(
        List<Component> components, String doseForm, RecognitionMethod method, List<Ingredient> ingredients) {

    private static final RecognizedMedication UNRECOGNIZED =
            new RecognizedMedication(List.of(), null, RecognitionMethod.UNRECOGNIZED);

    public RecognizedMedication(List<Component> components, String doseForm, RecognitionMethod method) {
        this(components, doseForm, method, null);
    }

    public RecognizedMedication {
        components = List.copyOf(components);
        Objects.requireNonNull(method, "method");
        if ((method == RecognitionMethod.UNRECOGNIZED) != components.isEmpty()) {
            throw new IllegalArgumentException("a medication has components exactly when it is recognised");
        }
        ingredients = distinctIngredients(components);
    }

    public static RecognizedMedication unrecognized() {
        return UNRECOGNIZED;
    }

    private static List<Ingredient> distinctIngredients(List<Component> components) {
        if (components.size() == 1) {
            return List.of(components.get(0).ingredient());
        }
        List<Ingredient> distinct = new ArrayList<>(components.size());
        for (Component component : components) {
            Ingredient ingredient = component.ingredient();
            boolean seen = false;
            for (Ingredient kept : distinct) {
                if (kept.rxcui() == ingredient.rxcui()) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                distinct.add(ingredient);
            }
        }
        return List.copyOf(distinct);
    }

    public boolean recognized() {
        return method != RecognitionMethod.UNRECOGNIZED;
    }
}
