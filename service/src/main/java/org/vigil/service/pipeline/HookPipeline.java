package org.vigil.service.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.service.alertlog.AlertEntry;
import org.vigil.service.alertlog.AlertSink;
import org.vigil.service.cards.AlertPolicy;
import org.vigil.service.cards.CardContext;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.cards.PreviouslyOverridden;
import org.vigil.service.context.PatientContextAssembler;
import org.vigil.service.hooks.ServiceCatalog;
import org.vigil.service.hooks.VigilCdsService;
import org.vigil.service.knowledge.KnowledgeHolder;
import org.vigil.service.packs.PackCards;
import org.vigil.service.packs.PackService;
import org.vigil.service.packs.RulePacks;
import org.vigil.service.prefetch.PrefetchCompletion;
import org.vigil.service.suppression.OverrideMemory;
import org.vigil.service.suppression.SuppressionKey;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One hook call, start to end: decode, complete the prefetch, normalize, evaluate the rules, apply
 * the alert policy, write cards, encode. CPU work on the request's bytes and one knowledge
 * snapshot, unless the client left prefetch out and it must be fetched; the alert log is handed
 * the cards and written elsewhere.
 */
public final class HookPipeline {

    private final CdsHooksCodec codec;
    private final PatientContextAssembler assembler;
    private final CheckEngine orderChecks;
    private final CheckEngine chartChecks;
    private final KnowledgeHolder knowledge;
    private final AlertPolicy policy;
    private final CardFactory cards;
    private final AlertSink alerts;
    private final OverrideMemory overrides;
    private final Duration overrideWindow;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter unrecognizedDrafts;
    private final Counter unrecognizedActive;
    private final RulePacks packs;
    private final PrefetchCompletion completion;

    /** @param packs the rule packs whose services this pipeline also answers */
    public HookPipeline(
            CdsHooksCodec codec,
            PatientContextAssembler assembler,
            CheckEngine orderChecks,
            CheckEngine chartChecks,
            KnowledgeHolder knowledge,
            AlertPolicy policy,
            CardFactory cards,
            AlertSink alerts,
            OverrideMemory overrides,
            Duration overrideWindow,
            Clock clock,
            MeterRegistry meters,
            RulePacks packs) {
        this(
                codec,
                assembler,
                orderChecks,
                chartChecks,
                knowledge,
                policy,
                cards,
                alerts,
                overrides,
                overrideWindow,
                clock,
                meters,
                packs,
                PrefetchCompletion.checkOnly());
    }

    /**
     * @param completion fills in the prefetch a client left out (record store, the client's FHIR
     *     server), or refuses the call with 412 when required data cannot be had
     */
    public HookPipeline(
            CdsHooksCodec codec,
            PatientContextAssembler assembler,
            CheckEngine orderChecks,
            CheckEngine chartChecks,
            KnowledgeHolder knowledge,
            AlertPolicy policy,
            CardFactory cards,
            AlertSink alerts,
            OverrideMemory overrides,
            Duration overrideWindow,
            Clock clock,
            MeterRegistry meters,
            RulePacks packs,
            PrefetchCompletion completion) {
        this.completion = completion;
        this.packs = packs;
        this.codec = codec;
        this.assembler = assembler;
        this.orderChecks = orderChecks;
        this.chartChecks = chartChecks;
        this.knowledge = knowledge;
        this.policy = policy;
        this.cards = cards;
        this.alerts = alerts;
        this.overrides = overrides;
        this.overrideWindow = overrideWindow;
        this.clock = clock;
        this.meters = meters;
        this.unrecognizedDrafts = unrecognized(meters, "draft");
        this.unrecognizedActive = unrecognized(meters, "active");
    }

    /** Medications Vigil could not recognise are counted, never dropped silently. */
    private static Counter unrecognized(MeterRegistry meters, String role) {
        return Counter.builder("vigil.medications.unrecognized")
                .description("Medications that matched no RxNorm code, normal-form name or ingredient name")
                .tag("role", role)
                .register(meters);
    }

    /**
     * Answers one call; the answer's bytes are the CDS Hooks response body. Everything is CPU work on
     * the request except fetching prefetch the client left out and, when an interruptive alert is
     * found, one look into the override memory.
     */
    public Mono<HookAnswer> call(VigilCdsService called, byte[] body) {
        // A rule pack may have been replaced or withdrawn since the service was looked up: the call
        // is answered by the version served now, checked against that version's hook and prefetch.
        PackService pack = packs.find(called.id()).orElse(null);
        if (pack == null && !ServiceCatalog.isOwn(called.id())) {
            throw new HookCallRefused(
                    404, "unknown-service", "No CDS service with id '" + called.id() + "'", null, null);
        }
        VigilCdsService service = pack != null ? pack.service() : called;
        CdsRequest decoded = decode(service, body);
        return completion.complete(service, decoded).flatMap(request -> evaluate(service, pack, request));
    }

    /** The call with its prefetch complete: the rules (or the pack's CQL), the policy, the cards. */
    private Mono<HookAnswer> evaluate(VigilCdsService service, PackService pack, CdsRequest request) {
        if (pack != null) {
            // CQL evaluation takes milliseconds: it runs on the CPU workers, not the event loop.
            return Mono.defer(() -> packAnswer(pack, request)).subscribeOn(Schedulers.parallel());
        }
        KnowledgeSnapshot snapshot = knowledge.current();
        PatientContext context = assembler.assemble(request, snapshot);
        countUnrecognized(context);
        CheckEngine engine = Hooks.PATIENT_VIEW.name().equals(request.hook()) ? chartChecks : orderChecks;
        List<Finding> findings = policy.select(engine.evaluate(context, snapshot));
        Map<Finding, String> keys = suppressionKeys(request, context, findings);
        CardContext cardContext = findings.isEmpty() ? null : cardContext(request, context);
        Function<Finding, Card> writer = finding -> cards.card(finding, snapshot.version(), cardContext);
        if (keys.isEmpty()) {
            return Mono.just(answer(service, request, snapshot.version(), findings, keys, Map.of(), writer));
        }
        return overrides
                .overridden(keys.values())
                .map(found -> answer(service, request, snapshot.version(), findings, keys, found, writer));
    }

    /**
     * A rule pack's service: its CQL evaluated on the prefetched resources, one finding per
     * applicable action, then the same alert policy, override memory and alert log as Vigil's own
     * cards. Pack findings are about the chart, so an override is remembered per user, patient and rule.
     */
    private Mono<HookAnswer> packAnswer(PackService pack, CdsRequest request) {
        List<Finding> findings =
                policy.select(new ArrayList<>(RulePacks.evaluate(pack, request, ZonedDateTime.now(clock))));
        Map<Finding, String> keys = new IdentityHashMap<>();
        String userId = request.context().string("userId").orElse(null);
        String patientId = request.context().string("patientId").orElse(null);
        for (Finding finding : findings) {
            if (finding.interruptive()) {
                String key = SuppressionKey.ofChart(userId, patientId, finding.ruleId());
                if (key != null) {
                    keys.put(finding, key);
                }
            }
        }
        Function<Finding, Card> writer = finding -> PackCards.card(pack, finding);
        String version = pack.knowledgeVersion();
        if (keys.isEmpty()) {
            return Mono.just(answer(pack.service(), request, version, findings, keys, Map.of(), writer));
        }
        return overrides
                .overridden(keys.values())
                .map(found -> answer(pack.service(), request, version, findings, keys, found, writer));
    }

    /** Interruptive findings only: what is already informational has nothing to suppress. */
    private static Map<Finding, String> suppressionKeys(
            CdsRequest request, PatientContext context, List<Finding> findings) {
        Map<Finding, String> keys = new IdentityHashMap<>();
        String userId = request.context().string("userId").orElse(null);
        String patientId = request.context().string("patientId").orElse(null);
        for (Finding finding : findings) {
            if (finding.interruptive()) {
                String key = SuppressionKey.of(userId, patientId, finding, context);
                if (key != null) {
                    keys.put(finding, key);
                }
            }
        }
        return keys;
    }

    /** The selected findings as cards (written by {@code writer}), those overridden before marked so. */
    private HookAnswer answer(
            VigilCdsService service,
            CdsRequest request,
            String version,
            List<Finding> selected,
            Map<Finding, String> keys,
            Map<String, OverrideMemory.PastOverride> overridden,
            Function<Finding, Card> writer) {
        List<Finding> findings = new ArrayList<>(selected.size());
        List<Card> answer = new ArrayList<>(selected.size());
        Map<String, String> issued = new HashMap<>();
        for (Finding found : selected) {
            String key = keys.get(found);
            OverrideMemory.PastOverride override = key == null ? null : overridden.get(key);
            Finding finding = override == null ? found : new PreviouslyOverridden(found, override, overrideWindow);
            Card card = writer.apply(finding);
            findings.add(finding);
            answer.add(card);
            if (key != null && override == null) {
                issued.put(card.uuid(), key);
            }
            meters.counter(
                            "vigil.cards",
                            "rule",
                            finding.ruleId(),
                            "indicator",
                            card.indicator().name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
        }
        byte[] encoded = codec.encodeResponse(new CdsResponse(answer, List.of()));
        if (!answer.isEmpty()) {
            alerts.record(alertEntries(service, request, findings, answer, version));
        }
        if (!issued.isEmpty()) {
            overrides.issued(issued).subscribe();
        }
        return new HookAnswer(encoded, answer, version);
    }

    /** The draft orders as sent, so a suggestion can rewrite one, and the patient new orders are for. */
    private CardContext cardContext(CdsRequest request, PatientContext context) {
        Map<String, MedicationRequest> drafts = new HashMap<>();
        Bundle bundle = PatientContextAssembler.draftBundle(request);
        if (bundle != null) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof MedicationRequest order
                        && order.getIdElement().hasIdPart()) {
                    drafts.put("MedicationRequest/" + order.getIdElement().getIdPart(), order);
                }
            }
        }
        return new CardContext(context.patient().reference(), drafts, clock.instant());
    }

    private void countUnrecognized(PatientContext context) {
        for (var draft : context.draftOrders()) {
            if (!draft.medication().recognized()) {
                unrecognizedDrafts.increment();
            }
        }
        for (var active : context.activeMedications()) {
            if (!active.medication().recognized()) {
                unrecognizedActive.increment();
            }
        }
    }

    /** The codec validates the context of every hook it knows; what is left is the service's own hook. */
    private CdsRequest decode(VigilCdsService service, byte[] body) {
        CdsRequest request;
        try {
            request = codec.decodeRequest(body);
            if (!service.hook().name().equals(request.hook())) {
                throw new HookCallRefused(
                        400,
                        "hook-mismatch",
                        "Service " + service.id() + " answers the "
                                + service.hook().name() + " hook, but the request is for '" + request.hook() + "'",
                        "hook",
                        null);
            }
        } catch (CdsHooksException e) {
            throw new HookCallRefused(e.code().httpStatus(), e.code().code(), e.getMessage(), e.field(), null);
        }
        return request;
    }

    private List<AlertEntry> alertEntries(
            VigilCdsService service, CdsRequest request, List<Finding> findings, List<Card> answer, String version) {
        Instant now = clock.instant();
        String patientId = request.context().string("patientId").orElse(null);
        List<AlertEntry> entries = new ArrayList<>(answer.size());
        for (int i = 0; i < answer.size(); i++) {
            Finding finding = findings.get(i);
            Card card = answer.get(i);
            entries.add(new AlertEntry(
                    now,
                    service.id(),
                    request.hook(),
                    request.hookInstance(),
                    UUID.fromString(card.uuid()),
                    finding.ruleId(),
                    finding.check(),
                    card.indicator().name().toLowerCase(java.util.Locale.ROOT),
                    finding.interruptive(),
                    patientId,
                    version));
        }
        return entries;
    }

    /** The encoded response, the cards in it and the knowledge version that produced them. */
    public record HookAnswer(byte[] body, List<Card> cards, String knowledgeVersion) {}
}
