package org.vigil.cdshooks.request;

import static org.vigil.cdshooks.Elements.jsonObject;
import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import java.util.Map;
import org.vigil.cdshooks.InvalidElementException;

/**
 * A hook call as POSTed by the CDS Client. Its {@code toString()} is safe to log: the access token
 * is redacted and context and prefetch print field names only.
 */
public record CdsRequest(
        String hook,
        String hookInstance,
        String fhirServer,
        FhirAuthorization fhirAuthorization,
        HookContext context,
        Prefetch prefetch,
        Map<String, Object> extension) {

    public CdsRequest {
        requireText(hook, "hook");
        requireText(hookInstance, "hookInstance");
        fhirServer = optionalText(fhirServer);
        if (fhirAuthorization != null && fhirServer == null) {
            throw new InvalidElementException("fhirServer", "is required when fhirAuthorization is present");
        }
        requirePresent(context, "context");
        prefetch = prefetch == null ? Prefetch.empty() : prefetch;
        extension = jsonObject(extension, "extension");
    }
}
