package org.vigil.service.fhir;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.StoredResource;
import reactor.core.publisher.Mono;

/** FHIR responses: application/fhir+json bodies, version headers, and errors as OperationOutcome. */
final class FhirResponses {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private static final Logger log = LoggerFactory.getLogger(FhirResponses.class);

    private final FhirJson json;

    FhirResponses(FhirJson json) {
        this.json = json;
    }

    /** The absolute base of the FHIR API as the client called it, e.g. http://host:8080/fhir. */
    static String base(ServerRequest request) {
        return UriComponentsBuilder.fromUri(request.uri())
                .replacePath("/fhir")
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    Mono<ServerResponse> resource(int status, IBaseResource resource) {
        return ServerResponse.status(status).contentType(FHIR_JSON).bodyValue(json.encode(resource));
    }

    /** A stored version with its ETag and Last-Modified (and Location when just created). */
    Mono<ServerResponse> version(int status, StoredResource stored, String base, boolean withLocation) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status)
                .contentType(FHIR_JSON)
                .header("ETag", stored.etag())
                .header("Last-Modified", httpDate(stored.lastUpdated()));
        if (withLocation) {
            builder.header("Location", base + "/" + stored.versionedReference());
        }
        return builder.bodyValue(json.encode(stored));
    }

    /** What went wrong, as an OperationOutcome with the right status; a 500 says no more than that. */
    Mono<ServerResponse> problem(Throwable error) {
        if (error instanceof FhirProblem) {
            FhirProblem problem = (FhirProblem) error;
            return resource(problem.status(), outcome(problem.issueCode(), problem.getMessage()));
        }
        // the class only: a message could carry patient data
        log.error("FHIR request failed unexpectedly: {}", error.getClass().getName());
        return resource(
                HttpStatus.INTERNAL_SERVER_ERROR.value(),
                outcome("exception", "The server could not complete the request"));
    }

    static OperationOutcome outcome(String code, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(code))
                .setDiagnostics(message);
        return outcome;
    }
}
