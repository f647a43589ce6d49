package org.vigil.testcases;

import java.util.Objects;

/** A card a case expects: which rule raised it, at which urgency. */
public record ExpectedCard(String ruleId, String indicator) implements Comparable<ExpectedCard> {

    public ExpectedCard {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(indicator, "indicator");
    }

    @Override
    public int compareTo(ExpectedCard other) {
        int byRule = ruleId.compareTo(other.ruleId);
        return byRule != 0 ? byRule : indicator.compareTo(other.indicator);
    }

    @Override
    public String toString() {
        return ruleId + " (" + indicator + ")";
    }
}
