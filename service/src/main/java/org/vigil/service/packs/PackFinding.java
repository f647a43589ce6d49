package org.vigil.service.packs;

import org.vigil.cdshooks.response.Indicator;

/**
 * An action whose conditions held for this patient, with the values its dynamicValue expressions
 * gave (null where the action has none or the expression was null).
 */
public record PackFinding(PackAction action, String summary, String detail, Indicator indicator) {

    public String ruleId() {
        return action.ruleId();
    }
}
