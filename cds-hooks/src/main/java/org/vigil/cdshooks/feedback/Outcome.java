package org.vigil.cdshooks.feedback;

import java.util.Optional;

/** What the user did with a card. */
public enum Outcome {
    ACCEPTED("accepted"),
    OVERRIDDEN("overridden");

    private final String value;

    Outcome(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    public static Optional<Outcome> fromValue(String value) {
        for (Outcome outcome : values()) {
            if (outcome.value.equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
