package org.vigil.knowledge.allergy;

import java.util.Objects;
import java.util.Set;
import org.vigil.knowledge.Citation;

/**
 * A coded allergen (e.g. a SNOMED CT substance) and the ingredients it stands for.
 *
 * @param system code system URI, e.g. {@code http://snomed.info/sct}
 * @param code the code in that system
 * @param display the code's display text
 * @param groupId the cross-sensitivity group the code stands for, or null when it names one ingredient
 * @param ingredients ingredient RxCUIs (one, or every member of the group)
 * @param citation where the code and its meaning come from
 */
public record Allergen(
        String system, String code, String display, String groupId, Set<Integer> ingredients, Citation citation) {

    public Allergen {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(citation, "citation");
        ingredients = Set.copyOf(ingredients);
        if (ingredients.isEmpty()) {
            throw new IllegalArgumentException("allergen " + code + " stands for no ingredient");
        }
    }
}
