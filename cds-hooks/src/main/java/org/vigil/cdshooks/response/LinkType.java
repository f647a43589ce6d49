package org.vigil.cdshooks.response;

import java.util.Optional;

/** Whether a link is opened as-is or launched as a SMART app. */
public enum LinkType {
    ABSOLUTE("absolute"),
    SMART("smart");

    private final String value;

    LinkType(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    public static Optional<LinkType> fromValue(String value) {
        for (LinkType type : values()) {
            if (type.value.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
