package org.vigil.service.pipeline;

import java.util.List;

/**
 * A hook call Vigil cannot answer because of what the client sent. Carries the HTTP status, a
 * stable error code and a message that says what was wrong, never patient data.
 */
public final class HookCallRefused extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;
    private final List<String> missingPrefetch;

    public HookCallRefused(int status, String error, String message, String field, List<String> missingPrefetch) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
        this.missingPrefetch = missingPrefetch == null ? List.of() : List.copyOf(missingPrefetch);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public List<String> missingPrefetch() {
        return missingPrefetch;
    }
}
