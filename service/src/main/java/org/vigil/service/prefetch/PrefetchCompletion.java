package org.vigil.service.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.vigil.cdshooks.prefetch.PrefetchTemplate;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.service.hooks.VigilCdsService;
import org.vigil.service.pipeline.HookCallRefused;
import org.vigil.service.store.FhirStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills in the prefetch a CDS client left out (a key it did not send, or sent as an
 * OperationOutcome), as CDS Hooks 2.0 asks a service to: each template is resolved against the
 * call's context and run against Vigil's record store when the patient lives there, otherwise
 * against the client's {@code fhirServer} with its access token. What Vigil fetched is cached
 * per patient for a short while; what the client sent is used as sent and never cached. When a
 * key the service requires cannot be had, the call is refused with 412 naming it.
 */
public final class PrefetchCompletion {

    private final FhirContext fhir;
    private final StorePrefetch store;
    private final FhirServerPrefetch server;
    private final PatientDataCache cache;

    private PrefetchCompletion(
            FhirContext fhir, StorePrefetch store, FhirServerPrefetch server, PatientDataCache cache) {
        this.fhir = fhir;
        this.store = store;
        this.server = server;
        this.cache = cache;
    }

    public PrefetchCompletion(FhirContext fhir, FhirStore store, PatientDataCache cache, PrefetchSettings settings) {
        this(fhir, new StorePrefetch(store, settings.maxPages()), new FhirServerPrefetch(fhir, settings), cache);
    }

    /** Fetches nothing: a missing required key is refused at once (for tools without a store). */
    public static PrefetchCompletion checkOnly() {
        return new PrefetchCompletion(null, (StorePrefetch) null, null, null);
    }

    /** The request with its prefetch completed as far as possible; 412 when a required key is missing. */
    public Mono<CdsRequest> complete(VigilCdsService service, CdsRequest request) {
        List<String> wanted = new ArrayList<>();
        for (String key : service.prefetch().keySet()) {
            if (unsatisfied(request.prefetch(), key)) {
                wanted.add(key);
            }
        }
        if (wanted.isEmpty()) {
            return Mono.just(request);
        }
        if (store == null) {
            Map<String, String> problems = new LinkedHashMap<>();
            wanted.forEach(key -> problems.put(key, "it was not prefetched"));
            refuseIfRequired(service, problems);
            return Mono.just(request);
        }
        Sources sources = new Sources(request);
        return Flux.fromIterable(wanted)
                .flatMap(key ->
                        fetch(sources, service.prefetch().get(key), request).map(fetched -> Map.entry(key, fetched)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(fetched -> completed(service, request, wanted, fetched));
    }

    /** Absent, or an OperationOutcome (the client's way of saying its fetch failed). */
    private static boolean unsatisfied(Prefetch prefetch, String key) {
        return switch (prefetch.state(key)) {
            case ABSENT -> true;
            case RESOURCE -> prefetch.resource(key).orElse(null) instanceof OperationOutcome;
            case NULL -> false;
        };
    }

    /** Where this call's data can come from; whether the store holds the patient is asked once. */
    private final class Sources {
        final String patientId;
        final String fhirServer;
        final String accessToken;
        final Mono<Boolean> storeHoldsPatient;

        Sources(CdsRequest request) {
            this.patientId = request.context().string("patientId").orElse(null);
            this.fhirServer = request.fhirServer();
            this.accessToken = request.fhirAuthorization() == null
                    ? null
                    : request.fhirAuthorization().accessToken();
            this.storeHoldsPatient = patientId == null
                    ? Mono.just(false)
                    : store.holdsPatient(patientId).cache();
        }
    }

    private Mono<Fetched> fetch(Sources sources, PrefetchTemplate template, CdsRequest request) {
        String resolved = template.resolve(request.context()).orElse(null);
        if (resolved == null) {
            return Mono.just(Fetched.unavailable("the call's context lacks a field the template needs"));
        }
        PrefetchQuery query = PrefetchQuery.parse(resolved).orElse(null);
        if (query == null) {
            return Mono.just(Fetched.unavailable("the template is not a read or search Vigil can run"));
        }
        Mono<Fetched> fromServer = Mono.defer(() -> fromServer(sources, query));
        if (sources.patientId == null) {
            return fromServer;
        }
        String storeGroup = PatientDataCache.storeGroup(sources.patientId);
        return cache.find(storeGroup, query.relative())
                .flatMap(cached -> cached.answer() != null
                        ? Mono.just(Fetched.answer(cached.answer()))
                        : sources.storeHoldsPatient.flatMap(held -> held
                                ? store.answer(query)
                                        .flatMap(fetched -> fetched.obtained()
                                                ? keep(storeGroup, cached, query, fetched)
                                                : sources.fhirServer == null ? Mono.just(fetched) : fromServer)
                                : fromServer));
    }

    private Mono<Fetched> fromServer(Sources sources, PrefetchQuery query) {
        if (sources.fhirServer == null) {
            return Mono.just(
                    Fetched.unavailable("the patient is not in Vigil's record store and the call names no fhirServer"));
        }
        String group = PatientDataCache.serverGroup(
                sources.fhirServer, sources.accessToken, sources.patientId == null ? "" : sources.patientId);
        return cache.find(group, query.relative())
                .flatMap(cached -> cached.answer() != null
                        ? Mono.just(Fetched.answer(cached.answer()))
                        : server.answer(sources.fhirServer, sources.accessToken, query)
                                .flatMap(fetched ->
                                        fetched.obtained() ? keep(group, cached, query, fetched) : Mono.just(fetched)));
    }

    private Mono<Fetched> keep(String group, PatientDataCache.Lookup lookedUp, PrefetchQuery query, Fetched fetched) {
        return cache.keep(group, query.relative(), fetched.json(), lookedUp.generation())
                .thenReturn(fetched);
    }

    private CdsRequest completed(
            VigilCdsService service, CdsRequest request, List<String> wanted, Map<String, Fetched> fetched) {
        Prefetch prefetch = request.prefetch();
        Map<String, String> problems = new LinkedHashMap<>();
        boolean changed = false;
        for (String key : wanted) {
            Fetched answer = fetched.get(key);
            if (!answer.obtained()) {
                problems.put(key, answer.problem());
                continue;
            }
            if (PatientDataCache.NOTHING_FOUND.equals(answer.json())) {
                if (service.requiredPrefetch().contains(key)) {
                    problems.put(key, "the resource it reads does not exist there");
                } else {
                    prefetch = prefetch.with(key, null);
                    changed = true;
                }
                continue;
            }
            IBaseResource resource;
            try {
                resource = fhir.newJsonParser().parseResource(answer.json());
            } catch (DataFormatException e) {
                problems.put(key, "the answer was not FHIR JSON");
                continue;
            }
            if (resource instanceof OperationOutcome) {
                problems.put(key, "the answer was an OperationOutcome");
                continue;
            }
            prefetch = prefetch.with(key, resource);
            changed = true;
        }
        refuseIfRequired(service, problems);
        if (!changed) {
            return request;
        }
        return new CdsRequest(
                request.hook(),
                request.hookInstance(),
                request.fhirServer(),
                request.fhirAuthorization(),
                request.context(),
                prefetch,
                request.extension());
    }

    /** 412 naming every required key that could not be had, each with its template and why. */
    private static void refuseIfRequired(VigilCdsService service, Map<String, String> problems) {
        List<String> missing = new ArrayList<>();
        StringBuilder message = new StringBuilder("Required data was neither prefetched nor obtainable: ");
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            String key = problem.getKey();
            if (!service.requiredPrefetch().contains(key)) {
                continue;
            }
            message.append(missing.isEmpty() ? "" : "; ")
                    .append('\'')
                    .append(key)
                    .append("' (")
                    .append(service.prefetch().get(key).template())
                    .append("): ")
                    .append(problem.getValue());
            missing.add(key);
        }
        if (!missing.isEmpty()) {
            throw new HookCallRefused(412, "prefetch-unavailable", message.toString(), "prefetch", missing);
        }
    }
}
