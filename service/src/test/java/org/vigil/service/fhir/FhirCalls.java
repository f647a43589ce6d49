package org.vigil.service.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** FHIR calls over HTTP, answered as status, headers and parsed body. */
final class FhirCalls {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");

    private final WebTestClient client;

    FhirCalls(WebTestClient client) {
        this.client = client;
    }

    record Answer(int status, HttpHeaders headers, String body) {

        Resource resource() {
            return (Resource) FHIR.newJsonParser().parseResource(body);
        }

        <T extends Resource> T as(Class<T> type) {
            return type.cast(resource());
        }

        Bundle bundle() {
            return as(Bundle.class);
        }

        String diagnostics() {
            return as(OperationOutcome.class).getIssueFirstRep().getDiagnostics();
        }
    }

    static String json(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    Answer get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    Answer delete(String path) {
        return send(HttpMethod.DELETE, path, null, null);
    }

    Answer post(String path, IBaseResource resource) {
        return send(HttpMethod.POST, path, json(resource), null);
    }

    Answer put(String path, IBaseResource resource) {
        return send(HttpMethod.PUT, path, json(resource), null);
    }

    Answer put(String path, IBaseResource resource, String ifMatch) {
        return send(HttpMethod.PUT, path, json(resource), ifMatch);
    }

    Answer send(HttpMethod method, String path, String body, String ifMatch) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null
                ? request
                : request.contentType(FHIR_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8));
        EntityExchangeResult<String> result =
                ready.exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }
}
