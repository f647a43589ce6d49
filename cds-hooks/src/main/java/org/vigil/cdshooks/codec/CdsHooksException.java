package org.vigil.cdshooks.codec;

import java.util.Objects;

/**
 * A CDS Hooks protocol error. The message names the element and the rule that failed, never the
 * values involved, so it can be returned to the client and logged without leaking patient data.
 */
public class CdsHooksException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public CdsHooksException(ErrorCode code, String field, String message) {
        this(code, field, message, null);
    }

    public CdsHooksException(ErrorCode code, String field, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public CdsHooksException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** Path of the offending element, e.g. {@code context.draftOrders}; null when not about one element. */
    public String field() {
        return field;
    }
}
