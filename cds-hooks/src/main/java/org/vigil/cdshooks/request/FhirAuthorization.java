package org.vigil.cdshooks.request;

import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import org.vigil.cdshooks.InvalidElementException;

/**
 * The OAuth 2.0 bearer token a CDS Client lends the service for its FHIR server. The token is a
 * live credential, so {@link #toString()} redacts it: records end up in logs and exception
 * messages.
 */
public record FhirAuthorization(
        String accessToken, String tokenType, Long expiresIn, String scope, String subject, String patient) {

    public FhirAuthorization {
        requireText(accessToken, "access_token");
        requireText(tokenType, "token_type");
        // RFC 6749 token types are case-insensitive; the spec fixes the value to Bearer.
        if (!"Bearer".equalsIgnoreCase(tokenType)) {
            throw new InvalidElementException("token_type", "must be Bearer");
        }
        requirePresent(expiresIn, "expires_in");
        if (expiresIn < 0) {
            throw new InvalidElementException("expires_in", "must not be negative");
        }
        requireText(scope, "scope");
        requireText(subject, "subject");
        patient = optionalText(patient);
    }

    @Override
    public String toString() {
        return "FhirAuthorization[accessToken=<redacted>, tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", scope=" + scope + ", subject=" + subject + ", patient=" + patient + "]";
    }
}
