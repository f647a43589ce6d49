package org.vigil.knowledge.condition;

import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * A clinically meaningful set of conditions ("heart failure", "chronic kidney disease stage 4")
 * that drug-disease and dose rules refer to by id, whatever code the EHR used.
 *
 * @param id stable lower-case slug, e.g. {@code heart-failure}
 * @param name the name shown to a clinician
 * @param codes the table rows of this group, in table order
 * @param citations the distinct sources of those rows, in table order
 */
public record ConditionGroup(String id, String name, List<ConditionCode> codes, List<Citation> citations) {

    public ConditionGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        codes = List.copyOf(codes);
        citations = List.copyOf(citations);
    }
}
