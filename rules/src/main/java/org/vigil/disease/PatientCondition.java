package org.vigil.disease;

import java.util.Objects;
import java.util.Set;

/**
 * A condition on the patient's record, with the condition groups its code belongs to (heart
 * failure, CKD stage 4, pregnancy, ...).
 *
 * @param active false when the record says inactive, remission or resolved
 * @param refuted true when the diagnosis was refuted or entered in error
 */
public record PatientCondition(String reference, String display, Set<String> groups, boolean active, boolean refuted) {

    public PatientCondition {
        Objects.requireNonNull(reference, "reference");
        groups = Set.copyOf(groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
