package org.vigil.cdshooks.response;

import java.util.Optional;

/** How many of a card's suggestions the user may accept. */
public enum SelectionBehavior {
    AT_MOST_ONE("at-most-one"),
    ANY("any");

    private final String value;

    SelectionBehavior(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    public static Optional<SelectionBehavior> fromValue(String value) {
        for (SelectionBehavior behavior : values()) {
            if (behavior.value.equals(value)) {
                return Optional.of(behavior);
            }
        }
        return Optional.empty();
    }
}
