package org.vigil.service.store;

/**
 * A FHIR request the store cannot carry out because of what was sent: the HTTP status, the FHIR
 * issue type code (invalid, not-found, deleted, conflict, ...) and a message that says what was
 * wrong. Becomes an OperationOutcome; never carries patient data.
 */
public final class FhirProblem extends RuntimeException {

    private final int status;
    private final String issueCode;

    public FhirProblem(int status, String issueCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
    }

    public static FhirProblem invalid(String message) {
        return new FhirProblem(400, "invalid", message);
    }

    public static FhirProblem notFound(String message) {
        return new FhirProblem(404, "not-found", message);
    }

    public int status() {
        return status;
    }

    public String issueCode() {
        return issueCode;
    }
}
