package org.vigil.service.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cql.CqlPatientData;
import org.vigil.cql.CqlResults;

/**
 * The rule packs this instance serves, by CDS service id. Packs load independently at start: a
 * rejected pack is logged (its own content only) and the others keep serving. The pack shipped on
 * the class path must load; if it does not, the build is broken and Vigil does not start.
 */
public final class RulePacks {

    private static final Logger log = LoggerFactory.getLogger(RulePacks.class);

    /** Vigil's own packs, one folder each under this class-path location. */
    public static final List<String> SHIPPED = List.of("packs/vigil-risk");

    private final Map<String, PackService> services = new LinkedHashMap<>();
    private final List<RulePack> packs = new ArrayList<>();
    private final List<RulePackException> rejected = new ArrayList<>();

    private RulePacks() {}

    /** No packs at all. */
    public static RulePacks none() {
        return new RulePacks();
    }

    /**
     * The shipped packs, then one per configured location (a folder of resources or a Bundle file).
     *
     * @param reservedIds service ids already taken (Vigil's built-in services)
     */
    public static RulePacks load(
            RulePackLoader loader, List<String> classpathPacks, List<Path> locations, Set<String> reservedIds) {
        RulePacks packs = new RulePacks();
        for (String folder : classpathPacks) {
            packs.add(
                    loader.load(folder.substring(folder.lastIndexOf('/') + 1), classpathDocuments(folder)),
                    reservedIds);
        }
        for (Path location : locations) {
            try {
                packs.add(loader.load(location), reservedIds);
            } catch (RulePackException e) {
                packs.rejected.add(e);
                log.error("{}", e.getMessage());
            } catch (RuntimeException e) {
                RulePackException wrapped = new RulePackException(
                        location.getFileName().toString(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        List.of(),
                        e);
                packs.rejected.add(wrapped);
                log.error("{}", wrapped.getMessage());
            }
        }
        return packs;
    }

    private void add(RulePack pack, Set<String> reservedIds) {
        for (PackService service : pack.services()) {
            if (reservedIds.contains(service.id()) || services.containsKey(service.id())) {
                throw new RulePackException(pack.id(), "service id " + service.id() + " is already taken");
            }
        }
        pack.services().forEach(service -> services.put(service.id(), service));
        packs.add(pack);
        log.info(
                "Rule pack {} {} loaded (CQL translated in {} ms): services {}",
                pack.id(),
                pack.version(),
                pack.translationMillis(),
                pack.services().stream().map(PackService::id).toList());
    }

    private static Map<String, InputStream> classpathDocuments(String folder) {
        try {
            Map<String, InputStream> documents = new LinkedHashMap<>();
            var resources = new PathMatchingResourcePatternResolver(RulePacks.class.getClassLoader())
                    .getResources("classpath*:" + folder + "/*.json");
            List<org.springframework.core.io.Resource> sorted = new ArrayList<>(List.of(resources));
            sorted.sort(java.util.Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (org.springframework.core.io.Resource resource : sorted) {
                documents.put(resource.getFilename(), resource.getInputStream());
            }
            if (documents.isEmpty()) {
                throw new IllegalStateException("No rule pack on the class path at " + folder);
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PackService> find(String serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    public Collection<PackService> services() {
        return services.values();
    }

    public List<RulePack> packs() {
        return List.copyOf(packs);
    }

    /** The packs that were rejected at start, with their errors. */
    public List<RulePackException> rejected() {
        return List.copyOf(rejected);
    }

    /**
     * Evaluates a pack service's conditions for one call: the patient's data is every prefetched
     * resource (Bundle entries opened; an OperationOutcome is not data).
     */
    public static List<PackFinding> evaluate(PackService service, CdsRequest request, ZonedDateTime now) {
        String patientId = request.context().string("patientId").orElseThrow();
        List<Resource> resources = new ArrayList<>();
        Prefetch prefetch = request.prefetch();
        for (String key : prefetch.keys()) {
            IBaseResource value = prefetch.resource(key).orElse(null);
            if (value instanceof Bundle bundle) {
                bundle.getEntry().stream()
                        .filter(Bundle.BundleEntryComponent::hasResource)
                        .forEach(e -> resources.add(e.getResource()));
            } else if (value instanceof Resource resource && !(value instanceof OperationOutcome)) {
                resources.add(resource);
            }
        }
        CqlPatientData data = CqlPatientData.of(patientId, resources);
        CqlResults results = service.evaluator().evaluate(service.library(), service.expressions(), data, now);
        List<PackFinding> findings = new ArrayList<>();
        org.vigil.rules.MedicationRef patient = PackFinding.patientRef(patientId);
        for (PackAction action : service.actions()) {
            boolean applies = action.conditions().stream().allMatch(c -> Boolean.TRUE.equals(results.get(c)));
            if (applies) {
                Indicator dynamic = RulePackLoader.indicator(text(results, action.indicatorExpression()));
                findings.add(new PackFinding(
                        action,
                        text(results, action.summaryExpression()),
                        detail(results, action),
                        dynamic != null ? dynamic : action.indicator(),
                        patient));
            }
        }
        return findings;
    }

    private static String detail(CqlResults results, PackAction action) {
        String dynamic = text(results, action.detailExpression());
        return dynamic != null ? dynamic : action.detail();
    }

    private static String text(CqlResults results, String expression) {
        if (expression == null) {
            return null;
        }
        Object value = results.get(expression);
        return value == null ? null : value.toString();
    }
}
