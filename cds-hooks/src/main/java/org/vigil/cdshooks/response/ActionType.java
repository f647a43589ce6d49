package org.vigil.cdshooks.response;

import java.util.Optional;

/** What a suggested action does to the resource. */
public enum ActionType {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String value;

    ActionType(String value) {
        this.value = value;
    }

    /** The value on the wire. */
    public String value() {
        return value;
    }

    public static Optional<ActionType> fromValue(String value) {
        for (ActionType type : values()) {
            if (type.value.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
