package org.vigil.cdshooks.response;

import java.util.Optional;

/** Urgency of a card, in increasing order. */
public enum Indicator {
    INFO("info"),
    WARNING("warning"),
    CRITICAL("critical");

    private final String value;

    Indicator(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    public static Optional<Indicator> fromValue(String value) {
        for (Indicator indicator : values()) {
            if (indicator.value.equals(value)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }
}
