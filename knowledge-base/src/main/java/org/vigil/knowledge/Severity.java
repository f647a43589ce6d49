package org.vigil.knowledge;

import java.util.Locale;
import java.util.Optional;

/** Interaction severity, most severe first. */
public enum Severity {
    CONTRAINDICATED,
    MAJOR,
    MODERATE,
    MINOR;

    /** The table spelling: lower case. */
    static Optional<Severity> parse(String value) {
        for (Severity severity : values()) {
            if (severity.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
