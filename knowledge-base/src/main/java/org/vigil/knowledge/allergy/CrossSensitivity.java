package org.vigil.knowledge.allergy;

import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One reason an ordered ingredient may cross-react with an allergen: both belong to {@code group}.
 *
 * @param group the group both ingredients belong to
 * @param allergenRxcui the ingredient the patient is allergic to
 * @param orderedRxcui the ingredient being ordered
 * @param citations the sources of both memberships (one entry when they are the same)
 */
public record CrossSensitivity(
        CrossSensitivityGroup group, int allergenRxcui, int orderedRxcui, List<Citation> citations) {

    public CrossSensitivity {
        Objects.requireNonNull(group, "group");
        citations = List.copyOf(citations);
    }

    public CrossSensitivityLevel level() {
        return group.level();
    }
}
