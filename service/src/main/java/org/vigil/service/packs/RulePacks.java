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
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.cql.CqlPatientData;
import org.vigil.cql.CqlResults;

/**
 * The rule packs this instance serves, by CDS service id. Packs load independently at start: a
 * rejected pack is logged (its own content only) and the others keep serving. The pack shipped on
 * the class path must load; if it does not, the build is broken and Vigil does not start. A pack
 * uploaded later replaces the one of the same id in one step: a call sees the old services or the
 * new, never a mixture.
 */
public final class RulePacks {

    private static final Logger log = LoggerFactory.getLogger(RulePacks.class);

    /** Vigil's own packs, one folder each under this class-path location. */
    public static final List<String> SHIPPED = List.of("packs/vigil-risk");

    /** What is served, swapped whole. */
    private record Served(Map<String, PackService> services, List<RulePack> packs) {}

    private volatile Served served = new Served(Map.of(), List.of());
    private final List<RulePackException> rejected = new ArrayList<>();
    private final Set<String> reservedIds;

    private RulePacks(Set<String> reservedIds) {
        this.reservedIds = Set.copyOf(reservedIds);
    }

    /** No packs at all. */
    public static RulePacks none() {
        return new RulePacks(Set.of());
    }

    /**
     * The shipped packs, then one per configured location (a folder of resources or a Bundle file).
     *
     * @param reservedIds service ids already taken (Vigil's built-in services)
     */
    public static RulePacks load(
            RulePackLoader loader, List<String> classpathPacks, List<Path> locations, Set<String> reservedIds) {
        RulePacks packs = new RulePacks(reservedIds);
        for (String folder : classpathPacks) {
            packs.add(loader.load(folder.substring(folder.lastIndexOf('/') + 1), classpathDocuments(folder)));
        }
        for (Path location : locations) {
            try {
                packs.add(loader.load(location));
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

    private void add(RulePack pack) {
        for (PackService service : pack.services()) {
            if (reservedIds.contains(service.id()) || served.services().containsKey(service.id())) {
                throw new RulePackException(pack.id(), "service id " + service.id() + " is already taken");
            }
        }
        List<RulePack> all = new ArrayList<>(served.packs());
        all.add(pack);
        served = served(all);
        logLoaded(pack);
    }

    /**
     * Serves a pack, replacing the one with the same id (its services leave discovery with it) in one
     * step; the other packs keep serving.
     *
     * @return the pack replaced, if any
     * @throws RulePackException when one of its service ids is Vigil's own or another pack's
     */
    public synchronized Optional<RulePack> replace(RulePack pack) {
        Served current = served;
        for (PackService service : pack.services()) {
            PackService taken = current.services().get(service.id());
            if (reservedIds.contains(service.id())
                    || (taken != null && !taken.pack().equals(pack.id()))) {
                throw new RulePackException(
                        pack.id(),
                        "service id " + service.id() + " is already taken"
                                + (taken == null
                                        ? " by one of Vigil's own services"
                                        : " by rule pack " + taken.pack()));
            }
        }
        List<RulePack> all = new ArrayList<>(current.packs());
        RulePack previous = null;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(pack.id())) {
                previous = all.set(i, pack);
                break;
            }
        }
        if (previous == null) {
            all.add(pack);
        }
        served = served(all);
        logLoaded(pack);
        return Optional.ofNullable(previous);
    }

    /** Stops serving a pack and its services; the other packs keep serving. */
    public synchronized Optional<RulePack> remove(String packId) {
        List<RulePack> all = new ArrayList<>(served.packs());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(packId)) {
                RulePack removed = all.remove(i);
                served = served(all);
                log.info("Rule pack {} {} withdrawn", removed.id(), removed.version());
                return Optional.of(removed);
            }
        }
        return Optional.empty();
    }

    private static Served served(List<RulePack> packs) {
        Map<String, PackService> services = new LinkedHashMap<>();
        packs.forEach(pack -> pack.services().forEach(service -> services.put(service.id(), service)));
        return new Served(java.util.Collections.unmodifiableMap(services), List.copyOf(packs));
    }

    private static void logLoaded(RulePack pack) {
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
        return Optional.ofNullable(served.services().get(serviceId));
    }

    /** The services served now, in load order. */
    public Collection<PackService> services() {
        return served.services().values();
    }

    public List<RulePack> packs() {
        return served.packs();
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
            if (applies(action, results)) {
                visit(action, results, patient, findings);
            }
        }
        return findings;
    }

    /**
     * An applicable action: a group passes on to the children its selection behaviour chooses; a
     * card is a finding with the suggestions its selection behaviour chooses.
     */
    private static void visit(
            PackAction action, CqlResults results, org.vigil.rules.MedicationRef patient, List<PackFinding> findings) {
        if (action.isGroup()) {
            for (PackAction child : chosen(action, results)) {
                visit(child, results, patient, findings);
            }
            return;
        }
        Indicator dynamic = RulePackLoader.indicator(text(results, action.indicatorExpression()));
        List<Suggestion> suggestions = suggestions(action, offered(action, results), patient.reference());
        findings.add(new PackFinding(
                action,
                text(results, action.summaryExpression()),
                detail(results, action),
                dynamic != null ? dynamic : action.indicator(),
                patient,
                suggestions,
                selectionBehavior(action.selection(), suggestions)));
    }

    private static boolean applies(PackAction action, CqlResults results) {
        return action.conditions().stream().allMatch(c -> Boolean.TRUE.equals(results.get(c)));
    }

    /**
     * The child cards a group's selection behaviour chooses among those that apply (cards are all
     * shown, so Vigil chooses): all of them for
     * any, all and one-or-more; every child or none for all-or-none; the first that applies (in the
     * order the pack lists them) for exactly-one and at-most-one.
     */
    static List<PackAction> chosen(PackAction parent, CqlResults results) {
        List<PackAction> applicable = new ArrayList<>(parent.children().size());
        for (PackAction child : parent.children()) {
            if (applies(child, results)) {
                applicable.add(child);
            }
        }
        return switch (parent.selection()) {
            case ANY, ALL, ONE_OR_MORE -> applicable;
            case ALL_OR_NONE -> applicable.size() == parent.children().size() ? applicable : List.of();
            case EXACTLY_ONE, AT_MOST_ONE -> applicable.isEmpty() ? List.of() : List.of(applicable.get(0));
        };
    }

    /**
     * The suggestion children a card offers: those that apply (all-or-none: every one or none). The
     * clinician chooses among them, as CDS Hooks lets them, so at-most-one and exactly-one do not
     * narrow them here: they become the card's selectionBehavior.
     */
    private static List<PackAction> offered(PackAction card, CqlResults results) {
        List<PackAction> applicable = new ArrayList<>(card.children().size());
        for (PackAction child : card.children()) {
            if (applies(child, results)) {
                applicable.add(child);
            }
        }
        if (card.selection() == PackAction.Selection.ALL_OR_NONE
                && applicable.size() != card.children().size()) {
            return List.of();
        }
        return applicable;
    }

    /**
     * The card's suggestions: one per offered child, except for all and all-or-none, where the
     * children are taken together as one suggestion (accepted as a unit, labelled by the card).
     */
    private static List<Suggestion> suggestions(PackAction card, List<PackAction> chosen, String patientReference) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        PackAction.Selection selection = card.selection();
        if (selection == PackAction.Selection.ALL || selection == PackAction.Selection.ALL_OR_NONE) {
            List<Action> actions = new ArrayList<>(chosen.size());
            chosen.forEach(child -> actions.add(child.suggestion().action(patientReference)));
            String label = chosen.size() == 1
                    ? chosen.get(0).summary()
                    : String.join(
                            " and ", chosen.stream().map(PackAction::summary).toList());
            return List.of(new Suggestion(label, UUID.randomUUID().toString(), null, actions));
        }
        List<Suggestion> suggestions = new ArrayList<>(chosen.size());
        for (PackAction child : chosen) {
            suggestions.add(new Suggestion(
                    child.summary(),
                    UUID.randomUUID().toString(),
                    null,
                    List.of(child.suggestion().action(patientReference))));
        }
        return suggestions;
    }

    /**
     * CDS Hooks knows any and at-most-one: exactly-one and at-most-one let the clinician take one
     * suggestion; one suggestion alone is at-most-one; otherwise any.
     */
    private static SelectionBehavior selectionBehavior(PackAction.Selection selection, List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return null;
        }
        return suggestions.size() == 1
                        || selection == PackAction.Selection.EXACTLY_ONE
                        || selection == PackAction.Selection.AT_MOST_ONE
                ? SelectionBehavior.AT_MOST_ONE
                : SelectionBehavior.ANY;
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
