package org.vigil.service.packs;

import java.util.List;
import org.vigil.cql.CqlError;

/**
 * A rule pack cannot be served: a library does not translate (every CQL error is listed with its
 * line), or a PlanDefinition names a library, expression or hook Vigil does not have. The message
 * describes the pack's own content only, never patient data.
 */
public final class RulePackException extends RuntimeException {

    private final String pack;
    private final List<CqlError> cqlErrors;

    public RulePackException(String pack, String message) {
        this(pack, message, List.of(), null);
    }

    public RulePackException(String pack, String message, List<CqlError> cqlErrors, Throwable cause) {
        super("Rule pack " + pack + " rejected: " + message, cause);
        this.pack = pack;
        this.cqlErrors = List.copyOf(cqlErrors);
    }

    public String pack() {
        return pack;
    }

    /** The translator's errors, with library, line and column; empty when the pack failed otherwise. */
    public List<CqlError> cqlErrors() {
        return cqlErrors;
    }
}
