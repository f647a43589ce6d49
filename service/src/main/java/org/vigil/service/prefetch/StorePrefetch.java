package org.vigil.service.prefetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.FhirStore;
import org.vigil.service.store.SearchQuery;
import org.vigil.service.store.StoredResource;
import reactor.core.publisher.Mono;

/**
 * Prefetch queries answered by Vigil's own record store, in-process: a read, or a search whose
 * pages (up to a bound) are put together as one searchset Bundle, as a FHIR server would send it.
 */
final class StorePrefetch {

    private static final Logger log = LoggerFactory.getLogger(StorePrefetch.class);

    private final FhirStore store;
    private final int maxPages;

    StorePrefetch(FhirStore store, int maxPages) {
        this.store = store;
        this.maxPages = maxPages;
    }

    /** Whether the store keeps this patient (a Patient that exists and is not deleted). */
    Mono<Boolean> holdsPatient(String patientId) {
        return Mono.defer(() -> store.read("Patient", FhirStore.checkId(patientId)))
                .map(found -> true)
                .onErrorResume(FhirProblem.class, problem -> Mono.just(false))
                .onErrorResume(error -> !(error instanceof FhirProblem), error -> {
                    log.warn(
                            "Record store not reachable for prefetch ({})",
                            error.getClass().getSimpleName());
                    return Mono.just(false);
                });
    }

    Mono<Fetched> answer(PrefetchQuery query) {
        return Mono.defer(() -> query.isRead() ? read(query) : search(query))
                .onErrorResume(
                        FhirProblem.class,
                        problem -> Mono.just(Fetched.unavailable(
                                "Vigil's record store cannot answer it (" + problem.issueCode() + ")")))
                .onErrorResume(error -> !(error instanceof FhirProblem), error -> {
                    log.warn(
                            "Record store not readable for prefetch ({})",
                            error.getClass().getSimpleName());
                    return Mono.just(Fetched.unavailable("Vigil's record store could not be read"));
                });
    }

    private Mono<Fetched> read(PrefetchQuery query) {
        return store.read(query.type(), query.id())
                .map(stored -> Fetched.answer(stored.json()))
                .onErrorResume(
                        FhirProblem.class,
                        problem -> problem.status() == 404 || problem.status() == 410
                                ? Mono.just(Fetched.answer(PatientDataCache.NOTHING_FOUND))
                                : Mono.error(problem));
    }

    private Mono<Fetched> search(PrefetchQuery query) {
        var type = store.types().require(query.type());
        return page(type, query.params(), 0, 0, new ArrayList<>());
    }

    private Mono<Fetched> page(
            org.vigil.service.store.IndexedType type,
            Map<String, List<String>> params,
            int pageNumber,
            int offset,
            List<StoredResource> found) {
        Map<String, List<String>> paged = new LinkedHashMap<>(params);
        paged.remove("_offset");
        if (offset > 0) {
            paged.put("_offset", List.of(Integer.toString(offset)));
        }
        SearchQuery search = SearchQuery.parse(type, paged);
        return store.search(search).flatMap(page -> {
            found.addAll(page.resources());
            int next = offset + page.resources().size();
            boolean more = !page.resources().isEmpty() && next < page.total();
            if (more && pageNumber + 1 < maxPages) {
                return page(type, params, pageNumber + 1, next, found);
            }
            return Mono.just(Fetched.answer(searchset(found, page.total())));
        });
    }

    /** The stored JSON of each resource, put into a Bundle without parsing it again. */
    private static String searchset(List<StoredResource> resources, long total) {
        int size = 80;
        for (StoredResource resource : resources) {
            size += resource.json().length() + 64;
        }
        StringBuilder json = new StringBuilder(size)
                .append("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":")
                .append(total)
                .append(",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            StoredResource resource = resources.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"fullUrl\":\"")
                    .append(resource.type())
                    .append('/')
                    .append(resource.id())
                    .append("\",\"resource\":")
                    .append(resource.json())
                    .append(",\"search\":{\"mode\":\"match\"}}");
        }
        return json.append("]}").toString();
    }
}
