package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the vocabulary made of a medication: its components (ingredient and, when known, strength),
 * dose form, and how sure we are.
 *
 * @param components active components in source order; empty only when unrecognised
 * @param doseForm RxNorm dose form ("Oral Tablet"), or {@code null} when unknown
 * @param method how the medication was recognised
 */
public record RecognizedMedication(List<Component> components, String doseForm, RecognitionMethod method) {

    private static final RecognizedMedication UNRECOGNIZED =
            new RecognizedMedication(List.of(), null, RecognitionMethod.UNRECOGNIZED);

    public RecognizedMedication {
        components = List.copyOf(components);
        Objects.requireNonNull(method, "method");
        if ((method == RecognitionMethod.UNRECOGNIZED) != components.isEmpty()) {
            throw new IllegalArgumentException("a medication has components exactly when it is recognised");
        }
    }

    public static RecognizedMedication unrecognized() {
        return UNRECOGNIZED;
    }

    /** Distinct ingredients in component order (two salts of one base count once). */
    public List<Ingredient> ingredients() {
        Set<Ingredient> distinct = new LinkedHashSet<>();
        for (Component component : components) {
            distinct.add(component.ingredient());
        }
        return List.copyOf(new ArrayList<>(distinct));
    }

    public boolean recognized() {
        return method != RecognitionMethod.UNRECOGNIZED;
    }
}
