package org.vigil.service.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.FhirStore;
import org.vigil.service.store.StoredResource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Transaction and batch Bundles. A transaction is checked whole first, its {@code urn:uuid:}
 * references are pointed at the ids the server assigns, and its entries are written in one
 * database transaction: if any entry fails, nothing of the Bundle is stored. A batch runs each entry
 * on its own and reports each entry's outcome.
 */
final class BundleProcessor {

    private final FhirStore store;
    private final FhirJson json;

    BundleProcessor(FhirStore store, FhirJson json) {
        this.store = store;
        this.json = json;
    }

    Mono<Bundle> process(Bundle bundle, String base) {
        if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
            return transaction(bundle);
        }
        if (bundle.getType() == Bundle.BundleType.BATCH) {
            return batch(bundle);
        }
        return Mono.error(FhirProblem.invalid("POST /fhir takes a Bundle of type transaction or batch, not "
                + (bundle.hasType() ? bundle.getType().toCode() : "one without a type")));
    }

    /** One entry, checked: what to do, to which type and id. */
    private record Step(int index, Bundle.HTTPVerb method, String type, String id, Resource resource, Long ifMatch) {

        /** The order FHIR prescribes for a transaction: deletes, then creates, then updates. */
        int phase() {
            switch (method) {
                case DELETE:
                    return 0;
                case POST:
                    return 1;
                default:
                    return 2;
            }
        }
    }

    private Mono<Bundle> transaction(Bundle bundle) {
        return Mono.defer(() -> {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                steps.add(step(i, bundle.getEntry().get(i), true));
            }
            resolveReferences(bundle, steps);
            List<Step> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparingInt(Step::phase).thenComparingInt(Step::index));
            Bundle.BundleEntryResponseComponent[] responses = new Bundle.BundleEntryResponseComponent[steps.size()];
            Mono<Void> work = Flux.fromIterable(ordered)
                    .concatMap(step -> run(step).doOnNext(response -> responses[step.index()] = response))
                    .then();
            return store.inTransaction(work).then(Mono.fromSupplier(() -> {
                Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
                for (Bundle.BundleEntryResponseComponent response : responses) {
                    answer.addEntry().setResponse(response);
                }
                return answer;
            }));
        });
    }

    private Mono<Bundle> batch(Bundle bundle) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        return Flux.range(0, entries.size())
                .concatMap(i -> Mono.defer(() -> run(step(i, entries.get(i), false)))
                        .onErrorResume(FhirProblem.class, problem -> Mono.just(failed(problem))))
                .collectList()
                .map(responses -> {
                    Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
                    responses.forEach(response -> answer.addEntry().setResponse(response));
                    return answer;
                });
    }

    private static Bundle.BundleEntryResponseComponent failed(FhirProblem problem) {
        Bundle.BundleEntryResponseComponent response =
                new Bundle.BundleEntryResponseComponent().setStatus(problem.status() + " " + reason(problem.status()));
        response.setOutcome(FhirResponses.outcome(problem.issueCode(), problem.getMessage()));
        return response;
    }

    private Step step(int index, Bundle.BundleEntryComponent entry, boolean inTransaction) {
        try {
            return check(index, entry, inTransaction);
        } catch (FhirProblem problem) {
            throw new FhirProblem(
                    problem.status(), problem.issueCode(), "Bundle entry " + index + ": " + problem.getMessage());
        }
    }

    private Step check(int index, Bundle.BundleEntryComponent entry, boolean inTransaction) {
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        if (!request.hasMethod() || !request.hasUrl()) {
            throw FhirProblem.invalid("request.method and request.url are required");
        }
        if (request.hasIfNoneExist()
                || request.hasIfNoneMatch()
                || request.hasIfModifiedSince()
                || request.getUrl().contains("?")) {
            throw new FhirProblem(
                    400, "not-supported", "conditional interactions are not supported by this server yet");
        }
        String[] parts = request.getUrl().replaceFirst("^/", "").split("/");
        String type = parts[0];
        store.types().require(type);
        Bundle.HTTPVerb method = request.getMethod();
        Resource resource = entry.getResource();
        switch (method) {
            case POST:
                if (parts.length != 1) {
                    throw FhirProblem.invalid("a POST's url is the resource type, e.g. Observation");
                }
                requireResource(resource, type);
                return new Step(index, method, type, UUID.randomUUID().toString(), resource, null);
            case PUT:
                requireId(parts);
                requireResource(resource, type);
                if (!parts[1].equals(resource.getIdElement().getIdPart())) {
                    throw FhirProblem.invalid("the resource's id must be the id in request.url for a PUT");
                }
                return new Step(
                        index,
                        method,
                        type,
                        FhirStore.checkId(parts[1]),
                        resource,
                        request.hasIfMatch() ? FhirHandlers.etagVersion(request.getIfMatch()) : null);
            case DELETE:
                requireId(parts);
                return new Step(index, method, type, FhirStore.checkId(parts[1]), null, null);
            default:
                throw new FhirProblem(
                        400,
                        "not-supported",
                        "request.method " + method.toCode() + " is not supported here (POST, PUT and DELETE are)");
        }
    }

    private static void requireId(String[] parts) {
        if (parts.length != 2) {
            throw FhirProblem.invalid("request.url must be {type}/{id} (searches and versions are not supported here)");
        }
    }

    private static void requireResource(Resource resource, String type) {
        if (resource == null) {
            throw FhirProblem.invalid("a POST or PUT entry needs a resource");
        }
        if (!resource.fhirType().equals(type)) {
            throw FhirProblem.invalid("the resource is a " + resource.fhirType() + " but request.url is for " + type);
        }
    }

    /**
     * Points every {@code urn:uuid:} reference at the resource the server will store: the id it
     * assigns to a POST entry, the id in the url of a PUT entry. A reference to a urn:uuid no entry
     * declares is refused, since it could never be resolved.
     */
    private void resolveReferences(Bundle bundle, List<Step> steps) {
        Map<String, String> targets = new HashMap<>();
        for (Step step : steps) {
            String fullUrl = bundle.getEntry().get(step.index()).getFullUrl();
            if (fullUrl != null && fullUrl.startsWith("urn:uuid:") && step.resource() != null) {
                targets.put(fullUrl, step.type() + "/" + step.id());
            }
        }
        for (Step step : steps) {
            if (step.resource() == null) {
                continue;
            }
            for (Reference reference : json.references(step.resource())) {
                String target = reference.getReference();
                if (target != null && target.startsWith("urn:uuid:")) {
                    String resolved = targets.get(target);
                    if (resolved == null) {
                        throw FhirProblem.invalid("Bundle entry " + step.index() + " refers to " + target
                                + ", which no entry of the Bundle declares as its fullUrl");
                    }
                    reference.setReference(resolved);
                }
            }
        }
    }

    private Mono<Bundle.BundleEntryResponseComponent> run(Step step) {
        Mono<Bundle.BundleEntryResponseComponent> result;
        switch (step.method()) {
            case POST:
                result = store.create(step.resource(), step.id())
                        .map(outcome -> written("201 Created", outcome.stored()));
                break;
            case PUT:
                result = store.update(step.type(), step.id(), step.resource(), step.ifMatch())
                        .map(outcome -> written(outcome.created() ? "201 Created" : "200 OK", outcome.stored()));
                break;
            case DELETE:
                result = store.delete(step.type(), step.id())
                        .map(deleted -> new Bundle.BundleEntryResponseComponent()
                                .setStatus("204 No Content")
                                .setEtag(deleted.etag()))
                        .defaultIfEmpty(new Bundle.BundleEntryResponseComponent().setStatus("204 No Content"));
                break;
            default:
                result = Mono.error(new FhirProblem(400, "not-supported", "unsupported request.method"));
                break;
        }
        return result.onErrorMap(
                FhirProblem.class,
                problem -> new FhirProblem(
                        problem.status(),
                        problem.issueCode(),
                        "Bundle entry " + step.index() + ": " + problem.getMessage()));
    }

    private static Bundle.BundleEntryResponseComponent written(String status, StoredResource stored) {
        return new Bundle.BundleEntryResponseComponent()
                .setStatus(status)
                .setLocation(stored.versionedReference())
                .setEtag(stored.etag())
                .setLastModified(java.util.Date.from(stored.lastUpdated()));
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 404:
                return "Not Found";
            case 409:
                return "Conflict";
            case 410:
                return "Gone";
            case 412:
                return "Precondition Failed";
            case 422:
                return "Unprocessable Entity";
            default:
                return "Error";
        }
    }
}
