package org.vigil.cql;

/** A CQL library failed while it was evaluated for a patient (a run-time error in the library or the data). */
public final class CqlEvaluationException extends RuntimeException {

    public CqlEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
