package org.vigil.service.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.StoredResource;

/**
 * FHIR JSON in and out through HAPI's R4 parser. What clients send is parsed strictly (an unknown
 * element or a malformed value is refused with 400), so nothing invalid reaches the store.
 */
final class FhirJson {

    private final FhirContext fhir;

    FhirJson(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Parses a request body into a resource; 400 when it is not valid FHIR R4 JSON. */
    Resource parse(byte[] body) {
        if (body.length == 0) {
            throw FhirProblem.invalid("The request has no body: send a FHIR resource as JSON");
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw FhirProblem.invalid("Not a valid FHIR R4 resource: " + clip(e.getMessage()));
        }
        if (!(parsed instanceof Resource)) {
            throw FhirProblem.invalid("Not a FHIR R4 resource");
        }
        return (Resource) parsed;
    }

    /** A stored version as a resource (the store keeps JSON that once passed {@link #parse}). */
    Resource resourceOf(StoredResource stored) {
        return (Resource) fhir.newJsonParser().parseResource(stored.json());
    }

    String encode(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** A stored version re-encoded in FHIR's element order (PostgreSQL's jsonb reorders keys). */
    String encode(StoredResource stored) {
        return encode(resourceOf(stored));
    }

    /** Every Reference in the resource, contained resources included. */
    java.util.List<org.hl7.fhir.r4.model.Reference> references(Resource resource) {
        return fhir.newTerser().getAllPopulatedChildElementsOfType(resource, org.hl7.fhir.r4.model.Reference.class);
    }

    private static String clip(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String oneLine = message.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
