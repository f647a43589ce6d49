package org.vigil.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What Vigil answers when it cannot serve a call: a stable error code, a message that says what was
 * wrong, the offending field when there is one. Never a stack trace, never patient data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(int status, String error, String message, String field, List<String> missingPrefetch) {

    public static ErrorBody of(int status, String error, String message) {
        return new ErrorBody(status, error, message, null, List.of());
    }
}
