package org.vigil.service.fhir;

import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.FhirStore;
import org.vigil.service.store.IndexedType;
import org.vigil.service.store.SearchPage;
import org.vigil.service.store.SearchQuery;
import org.vigil.service.store.StoredResource;
import reactor.core.publisher.Mono;

/** The FHIR REST interactions on the record store; each answers a resource or an OperationOutcome. */
final class FhirHandlers {

    private final FhirStore store;
    private final FhirJson json;
    private final FhirBodies bodies;
    private final FhirResponses responses;
    private final BundleProcessor bundles;
    private final CapabilityStatement capabilities;

    FhirHandlers(FhirStore store, FhirJson json, FhirBodies bodies, CapabilityStatement capabilities) {
        this.store = store;
        this.json = json;
        this.bodies = bodies;
        this.responses = new FhirResponses(json);
        this.bundles = new BundleProcessor(store, json);
        this.capabilities = capabilities;
    }

    Mono<ServerResponse> metadata(ServerRequest request) {
        return handle(() -> responses.resource(200, capabilities));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return handle(() -> {
            IndexedType type = store.types().require(request.pathVariable("type"));
            return bodies.read(request)
                    .map(body -> ofType(json.parse(body), type))
                    .flatMap(store::create)
                    .flatMap(outcome -> responses.version(201, outcome.stored(), FhirResponses.base(request), true));
        });
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return handle(() -> {
            IndexedType type = store.types().require(request.pathVariable("type"));
            String id = FhirStore.checkId(request.pathVariable("id"));
            Long ifMatch = ifMatch(request);
            return bodies.read(request)
                    .map(body -> ofType(json.parse(body), type))
                    .flatMap(resource -> {
                        if (!id.equals(resource.getIdElement().getIdPart())) {
                            return Mono.error(FhirProblem.invalid(
                                    "The resource's id must be the id in the URL (" + id + ") for an update"));
                        }
                        return store.update(type.name(), id, resource, ifMatch);
                    })
                    .flatMap(outcome -> responses.version(
                            outcome.created() ? 201 : 200,
                            outcome.stored(),
                            FhirResponses.base(request),
                            outcome.created()));
        });
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return handle(() -> store.delete(request.pathVariable("type"), request.pathVariable("id"))
                .flatMap(deleted -> ServerResponse.noContent()
                        .header("ETag", deleted.etag())
                        .build())
                .switchIfEmpty(Mono.defer(() -> ServerResponse.noContent().build())));
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return handle(() -> store.read(request.pathVariable("type"), request.pathVariable("id"))
                .flatMap(stored -> responses.version(200, stored, FhirResponses.base(request), false)));
    }

    Mono<ServerResponse> vread(ServerRequest request) {
        return handle(() -> {
            long version = versionNumber(request.pathVariable("vid"));
            return store.vread(request.pathVariable("type"), request.pathVariable("id"), version)
                    .flatMap(stored -> responses.version(200, stored, FhirResponses.base(request), false));
        });
    }

    Mono<ServerResponse> history(ServerRequest request) {
        return handle(() -> store.history(request.pathVariable("type"), request.pathVariable("id"))
                .map(versions -> historyBundle(versions, FhirResponses.base(request)))
                .flatMap(bundle -> responses.resource(200, bundle)));
    }

    Mono<ServerResponse> search(ServerRequest request) {
        return handle(() -> {
            IndexedType type = store.types().require(request.pathVariable("type"));
            MultiValueMap<String, String> params = request.queryParams();
            SearchQuery query = SearchQuery.parse(type, params);
            return store.search(query)
                    .map(page -> searchBundle(request, query, page))
                    .flatMap(bundle -> responses.resource(200, bundle));
        });
    }

    Mono<ServerResponse> bundle(ServerRequest request) {
        return handle(() -> bodies.read(request)
                .map(json::parse)
                .flatMap(resource -> {
                    if (!(resource instanceof Bundle)) {
                        return Mono.error(FhirProblem.invalid(
                                "POST /fhir takes a transaction or batch Bundle, not a " + resource.fhirType()));
                    }
                    return bundles.process((Bundle) resource, FhirResponses.base(request));
                })
                .flatMap(response -> responses.resource(200, response)));
    }

    private Mono<ServerResponse> handle(Supplier<Mono<ServerResponse>> work) {
        return Mono.defer(work).onErrorResume(responses::problem);
    }

    private static Resource ofType(Resource resource, IndexedType type) {
        if (!resource.fhirType().equals(type.name())) {
            throw FhirProblem.invalid("The body is a " + resource.fhirType() + " but the URL is for " + type.name());
        }
        return resource;
    }

    /** {@code If-Match: W/"3"} (or {@code "3"}) as 3; null when absent. */
    static Long ifMatch(ServerRequest request) {
        List<String> values = request.headers().header("If-Match");
        if (values.isEmpty()) {
            return null;
        }
        return etagVersion(values.get(0));
    }

    static Long etagVersion(String etag) {
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return versionNumber(value);
        } catch (FhirProblem e) {
            throw FhirProblem.invalid("If-Match must name a version, e.g. W/\"3\"");
        }
    }

    private static long versionNumber(String value) {
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw FhirProblem.invalid("A version id is a whole number from 1");
        }
    }

    private Bundle historyBundle(List<StoredResource> versions, String base) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY).setTotal(versions.size());
        for (StoredResource version : versions) {
            Bundle.BundleEntryComponent entry =
                    bundle.addEntry().setFullUrl(base + "/" + version.type() + "/" + version.id());
            if (!version.deleted()) {
                entry.setResource(json.resourceOf(version));
            }
            Bundle.HTTPVerb method = Bundle.HTTPVerb.fromCode(version.method());
            entry.getRequest()
                    .setMethod(method)
                    .setUrl(method == Bundle.HTTPVerb.POST ? version.type() : version.type() + "/" + version.id());
            entry.getResponse()
                    .setStatus(
                            version.deleted()
                                    ? "204 No Content"
                                    : method == Bundle.HTTPVerb.POST ? "201 Created" : "200 OK")
                    .setEtag(version.etag())
                    .setLastModified(java.util.Date.from(version.lastUpdated()));
        }
        return bundle;
    }

    private Bundle searchBundle(ServerRequest request, SearchQuery query, SearchPage page) {
        String base = FhirResponses.base(request);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) page.total());
        UriComponentsBuilder self = UriComponentsBuilder.fromUri(request.uri());
        bundle.addLink().setRelation("self").setUrl(self.build().toUriString());
        if (query.count() > 0 && (long) query.offset() + query.count() < page.total()) {
            bundle.addLink()
                    .setRelation("next")
                    .setUrl(self.cloneBuilder()
                            .replaceQueryParam("_offset", query.offset() + query.count())
                            .replaceQueryParam("_count", query.count())
                            .build()
                            .toUriString());
        }
        if (query.offset() > 0) {
            bundle.addLink()
                    .setRelation("previous")
                    .setUrl(self.cloneBuilder()
                            .replaceQueryParam("_offset", Math.max(0, query.offset() - query.count()))
                            .replaceQueryParam("_count", query.count())
                            .build()
                            .toUriString());
        }
        for (StoredResource stored : page.resources()) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + stored.type() + "/" + stored.id())
                    .setResource(json.resourceOf(stored))
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
