package org.vigil.testcases;

import java.util.Objects;

/**
 * A resource a case expects one of a card's suggestions to create, by its code: for instance a
 * draft ServiceRequest coded {@code http://loinc.org|777-3} on the card of rule {@code MON-002}.
 * Written in {@code expected.json} as a card's optional {@code creates} object.
 */
public record ExpectedAction(String ruleId, String resourceType, String system, String code) {

    public ExpectedAction {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return ruleId + " creates " + resourceType + " " + system + "|" + code;
    }
}
