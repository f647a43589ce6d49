package org.vigil.disease;

import java.util.Objects;
import java.util.Set;

/**
 * A condition on the patient's record, with the condition groups its code belongs to (heart
 * failure, CKD stage 4, pregnancy, ...).
 *
 * @param display the condition as recorded (code text or the coding's display), or null
 * @param active false when the record says inactive, remission or resolved
 * @param refuted true when the diagnosis was refuted or entered in error
 * @param code the recorded code with its system, e.g. {@code ICD-10-CM I50.22}, or null when the
 *     normalizer did not keep it; alerts quote it next to the display
 */
public record PatientCondition(
        String reference, String display, Set<String> groups, boolean active, boolean refuted, String code) {

    public PatientCondition {
        Objects.requireNonNull(reference, "reference");
        groups = Set.copyOf(groups);
    }

    /** A condition whose code was not kept. */
    public PatientCondition(String reference, String display, Set<String> groups, boolean active, boolean refuted) {
        this(reference, display, groups, active, refuted, null);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    /** Whether the condition stands: active (or unstated) and neither refuted nor entered in error. */
    public boolean stands() {
        return active && !refuted;
    }
}
