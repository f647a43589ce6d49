package org.vigil.service.packs;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.vigil.service.VigilProperties;
import org.vigil.service.pipeline.HookCallRefused;
import org.vigil.service.web.RequestBodies;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rule pack authoring: {@code POST /packs} takes a FHIR Bundle (Library, PlanDefinition, ValueSet,
 * ActivityDefinition), named by its {@code id}, translates it and serves it at once, replacing the
 * pack of the same id in one step; {@code GET /packs} lists the packs served. A pack that does not
 * load is refused with 422 and an OperationOutcome naming each CQL error's library, line and column,
 * and what was served keeps serving; {@code DELETE /packs/{id}} withdraws a pack. Only with {@code vigil.packs.authoring-enabled=true}; not
 * protected yet.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vigil.packs.authoring-enabled", havingValue = "true")
class PackAuthoring {

    private static final Logger log = LoggerFactory.getLogger(PackAuthoring.class);
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final Pattern PACK_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** What {@code GET /packs} lists, and {@code POST /packs} answers. */
    record PackSummary(String id, String version, List<String> services, long translationMillis) {
        static PackSummary of(RulePack pack) {
            return new PackSummary(
                    pack.id(),
                    pack.version(),
                    pack.services().stream().map(PackService::id).toList(),
                    pack.translationMillis());
        }
    }

    record PackList(List<PackSummary> packs) {}

    @Bean
    RouterFunction<ServerResponse> packAuthoringRoutes(
            RulePacks packs, RulePackLoader loader, FhirContext fhir, VigilProperties properties) {
        Handlers handlers = new Handlers(
                packs,
                loader,
                fhir,
                new RequestBodies(properties.maxRequestSize().toBytes()));
        return RouterFunctions.route(GET("/packs"), handlers::list)
                .andRoute(POST("/packs"), handlers::upload)
                .andRoute(DELETE("/packs/{id}"), handlers::withdraw);
    }

    private record Handlers(RulePacks packs, RulePackLoader loader, FhirContext fhir, RequestBodies bodies) {

        Mono<ServerResponse> list(ServerRequest request) {
            return ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(new PackList(
                            packs.packs().stream().map(PackSummary::of).toList()));
        }

        /** Withdraws a pack: its services leave discovery; 404 when no pack has that id. */
        Mono<ServerResponse> withdraw(ServerRequest request) {
            String id = request.pathVariable("id");
            return packs.remove(id).isPresent()
                    ? ServerResponse.noContent().build()
                    : outcome(404, OperationOutcome.IssueType.NOTFOUND, List.of(issue("No rule pack " + id, null)));
        }

        Mono<ServerResponse> upload(ServerRequest request) {
            return bodies.readJson(request)
                    // translating CQL takes a second or more: off the event loop
                    .publishOn(Schedulers.boundedElastic())
                    .map(this::bundle)
                    .map(this::load)
                    .flatMap(pack -> {
                        boolean replaced = packs.replace(pack).isPresent();
                        return ServerResponse.status(replaced ? 200 : 201)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(PackSummary.of(pack));
                    })
                    .onErrorResume(
                            HookCallRefused.class,
                            e -> outcome(
                                    e.status(),
                                    OperationOutcome.IssueType.STRUCTURE,
                                    List.of(issue(e.getMessage(), null))))
                    .onErrorResume(RulePackException.class, this::rejected)
                    .onErrorResume(e -> !(e instanceof HookCallRefused) && !(e instanceof RulePackException), e -> {
                        log.error("Rule pack upload failed: {}", e.getClass().getSimpleName(), e);
                        return outcome(
                                500,
                                OperationOutcome.IssueType.EXCEPTION,
                                List.of(issue("The pack could not be processed; nothing was changed", null)));
                    });
        }

        private Bundle bundle(byte[] body) {
            if (body.length == 0) {
                throw new HookCallRefused(400, "missing-body", "Send the pack as a FHIR Bundle", null, null);
            }
            IBaseResource resource;
            try {
                resource = fhir.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
            } catch (DataFormatException e) {
                throw new HookCallRefused(
                        400,
                        "malformed-json",
                        "The body is not a FHIR R4 JSON resource: " + e.getMessage(),
                        null,
                        null);
            }
            if (!(resource instanceof Bundle bundle)) {
                throw new HookCallRefused(
                        400,
                        "invalid-fhir",
                        "A rule pack is sent as a Bundle of Library and PlanDefinition resources (got "
                                + resource.fhirType() + ")",
                        null,
                        null);
            }
            return bundle;
        }

        private RulePack load(Bundle bundle) {
            String id = bundle.getIdElement().getIdPart();
            if (id == null || !PACK_ID.matcher(id).matches()) {
                throw new RulePackException(
                        String.valueOf(id),
                        "the Bundle's id names the pack (letters, digits, '-' and '.', up to 64); it has "
                                + (id == null ? "none" : "'" + id + "'"));
            }
            try {
                return loader.load(id, List.of(bundle));
            } catch (RulePackException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RulePackException(id, e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(), e);
            }
        }

        private Mono<ServerResponse> rejected(RulePackException e) {
            log.warn("{}", e.getMessage());
            List<OperationOutcome.OperationOutcomeIssueComponent> issues =
                    e.cqlErrors().isEmpty()
                            ? List.of(issue(e.getMessage(), null))
                            : e.cqlErrors().stream()
                                    .map(error -> issue(
                                            error.toString(),
                                            "Library " + error.library() + " line " + error.line() + ", column "
                                                    + error.column()))
                                    .toList();
            return outcome(422, OperationOutcome.IssueType.PROCESSING, issues);
        }

        private static OperationOutcome.OperationOutcomeIssueComponent issue(String diagnostics, String location) {
            OperationOutcome.OperationOutcomeIssueComponent issue =
                    new OperationOutcome.OperationOutcomeIssueComponent();
            issue.setSeverity(OperationOutcome.IssueSeverity.ERROR);
            issue.setDiagnostics(diagnostics);
            if (location != null) {
                issue.addLocation(location);
            }
            return issue;
        }

        private Mono<ServerResponse> outcome(
                int status,
                OperationOutcome.IssueType type,
                List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
            OperationOutcome outcome = new OperationOutcome();
            issues.forEach(issue -> outcome.addIssue(issue.setCode(type)));
            return ServerResponse.status(status)
                    .contentType(FHIR_JSON)
                    .bodyValue(fhir.newJsonParser().encodeResourceToString(outcome));
        }
    }
}
