package org.vigil.knowledge.condition;

import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One row of the condition table: a code that puts a patient's condition into a group, with the
 * source the code was taken from. An alert can show which row (and so which source) matched.
 *
 * @param groupId the group this code belongs to
 * @param system the code system
 * @param code the code as written in the table (ICD-10-CM with its dot, upper case)
 * @param match exact, or prefix for an ICD-10-CM code standing for its descendants
 * @param display the term as given by the source, or {@code null}
 * @param citation where the code comes from
 */
public record ConditionCode(
        String groupId, ConditionCodeSystem system, String code, CodeMatch match, String display, Citation citation) {

    public ConditionCode {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(citation, "citation");
    }
}
