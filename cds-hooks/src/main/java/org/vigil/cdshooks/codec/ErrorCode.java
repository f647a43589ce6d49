package org.vigil.cdshooks.codec;

/** Stable error codes for CDS Hooks protocol failures, each with the HTTP status to answer with. */
public enum ErrorCode {
    /** The body is not syntactically valid JSON. */
    MALFORMED_JSON(400, "malformed-json"),
    /** A required element is absent or null. */
    MISSING_FIELD(400, "missing-field"),
    /** An element has the wrong JSON type or breaks a rule of the specification. */
    INVALID_FIELD(400, "invalid-field"),
    /** A FHIR resource in context, prefetch or an action is not valid FHIR R4. */
    INVALID_FHIR(400, "invalid-fhir"),
    /**
     * The service cannot obtain FHIR data it needs, neither from prefetch nor from the FHIR server
     * (the spec's 412).
     */
    PREFETCH_UNAVAILABLE(412, "prefetch-unavailable"),
    /** The service produced something it cannot send; a bug on our side. */
    INVALID_RESPONSE(500, "invalid-response");

    private final int httpStatus;
    private final String code;

    ErrorCode(int httpStatus, String code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The stable code for error bodies and metrics; never renamed. */
    public String code() {
        return code;
    }
}
