package org.vigil.knowledge.druglab;

import java.util.Optional;

/** How a lab value is compared with a rule's threshold; the table spells it as the symbol. */
public enum Comparison {
    LESS_THAN("<"),
    LESS_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The table spelling: {@code <}, {@code <=}, {@code >} or {@code >=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code value} lies on the alerting side of {@code threshold}; false for NaN. */
    public boolean test(double value, double threshold) {
        return switch (this) {
            case LESS_THAN -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case GREATER_THAN -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
        };
    }

    /** True for {@code <} and {@code <=}: the rule alerts on a low value. */
    public boolean low() {
        return this == LESS_THAN || this == LESS_OR_EQUAL;
    }

    static Optional<Comparison> ofSymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol)) {
                return Optional.of(comparison);
            }
        }
        return Optional.empty();
    }
}
