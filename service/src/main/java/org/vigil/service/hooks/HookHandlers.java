package org.vigil.service.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.feedback.Feedback;
import org.vigil.cdshooks.feedback.FeedbackRequest;
import org.vigil.cdshooks.feedback.Outcome;
import org.vigil.service.feedback.FeedbackStore;
import org.vigil.service.pipeline.HookCallRefused;
import org.vigil.service.pipeline.HookPipeline;
import org.vigil.service.suppression.OverrideMemory;
import org.vigil.service.web.ErrorBody;
import org.vigil.service.web.RequestBodies;
import reactor.core.publisher.Mono;

/** The three CDS Hooks endpoints: discovery, a service call, and feedback on the cards it returned. */
public final class HookHandlers {

    private static final Logger log = LoggerFactory.getLogger(HookHandlers.class);

    private final ServiceCatalog catalog;
    private final HookPipeline pipeline;
    private final CdsHooksCodec codec;
    private final FeedbackStore feedback;
    private final OverrideMemory overrides;
    private final RequestBodies bodies;
    private final MeterRegistry meters;
    private final Clock clock;

    public HookHandlers(
            ServiceCatalog catalog,
            HookPipeline pipeline,
            CdsHooksCodec codec,
            FeedbackStore feedback,
            OverrideMemory overrides,
            RequestBodies bodies,
            MeterRegistry meters,
            Clock clock) {
        this.catalog = catalog;
        this.pipeline = pipeline;
        this.codec = codec;
        this.feedback = feedback;
        this.overrides = overrides;
        this.bodies = bodies;
        this.meters = meters;
        this.clock = clock;
    }

    Mono<ServerResponse> discovery(ServerRequest request) {
        // Encoded per call: rule packs can be replaced while Vigil runs, and discovery is called rarely.
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(codec.encodeDiscovery(catalog.discovery()));
    }

    Mono<ServerResponse> call(ServerRequest request) {
        String id = request.pathVariable("id");
        VigilCdsService service = catalog.find(id).orElse(null);
        if (service == null) {
            return unknownService(id);
        }
        Timer.Sample sample = Timer.start(meters);
        return bodies.readJson(request)
                .flatMap(body -> pipeline.call(service, body))
                .flatMap(answer -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Vigil-Knowledge-Version", answer.knowledgeVersion())
                        .bodyValue(answer.body()))
                .onErrorResume(HookCallRefused.class, HookHandlers::refused)
                .onErrorResume(error -> !(error instanceof HookCallRefused), HookHandlers::failed)
                .doOnNext(response -> sample.stop(Timer.builder("vigil.hook.calls")
                        .description("CDS Hooks service calls, by service and HTTP status")
                        .tag("service", service.id())
                        .tag("hook", service.hook().name())
                        .tag("status", Integer.toString(response.statusCode().value()))
                        .publishPercentileHistogram()
                        .register(meters)));
    }

    Mono<ServerResponse> feedback(ServerRequest request) {
        String id = request.pathVariable("id");
        VigilCdsService service = catalog.find(id).orElse(null);
        if (service == null) {
            return unknownService(id);
        }
        return bodies.readJson(request)
                .map(this::decodeFeedback)
                .flatMap(decoded -> feedback.store(service.id(), decoded.feedback(), clock.instant())
                        .flatMap(stored -> shareOverrides(decoded).thenReturn(stored))
                        .flatMap(stored -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new FeedbackReceipt(
                                        decoded.feedback().size(),
                                        stored,
                                        decoded.feedback().size() - stored))))
                .onErrorResume(HookCallRefused.class, HookHandlers::refused)
                .onErrorResume(error -> !(error instanceof HookCallRefused), HookHandlers::failed);
    }

    /**
     * Overrides are remembered so the same alert does not interrupt the same prescriber again within
     * the window. The feedback is already stored: if the memory cannot be reached the answer is
     * still 200, and the alert will simply interrupt again.
     */
    private Mono<Integer> shareOverrides(FeedbackRequest decoded) {
        List<OverrideMemory.Reported> reported = new ArrayList<>();
        for (Feedback entry : decoded.feedback()) {
            if (entry.outcome() == Outcome.OVERRIDDEN) {
                Coding reason = entry.overrideReason() == null
                        ? null
                        : entry.overrideReason().reason();
                reported.add(new OverrideMemory.Reported(
                        entry.card(), entry.outcomeTimestamp(), reason == null ? null : reason.display()));
            }
        }
        return overrides.override(reported).onErrorResume(error -> {
            log.warn(
                    "Overrides not shared with the override memory ({})",
                    error.getClass().getSimpleName());
            return Mono.just(0);
        });
    }

    private FeedbackRequest decodeFeedback(byte[] body) {
        try {
            return codec.decodeFeedback(body);
        } catch (CdsHooksException e) {
            throw new HookCallRefused(e.code().httpStatus(), e.code().code(), e.getMessage(), e.field(), null);
        }
    }

    /**
     * What the feedback endpoint acknowledges: every entry received is stored, once.
     *
     * @param received entries in the request
     * @param stored entries stored now
     * @param alreadyStored entries that were repeats of feedback stored before
     */
    record FeedbackReceipt(int received, long stored, long alreadyStored) {}

    private static Mono<ServerResponse> unknownService(String id) {
        return ServerResponse.status(404)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ErrorBody.of(
                        404, "unknown-service", "No CDS service with id '" + id + "'; see GET /cds-services"));
    }

    static Mono<ServerResponse> refused(HookCallRefused refused) {
        return ServerResponse.status(refused.status())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new ErrorBody(
                        refused.status(),
                        refused.error(),
                        refused.getMessage(),
                        refused.field(),
                        refused.missingPrefetch()));
    }

    /** A bug, not the client's fault: logged without its message (which could quote data), answered 500. */
    private static Mono<ServerResponse> failed(Throwable error) {
        StackTraceElement at = error.getStackTrace().length > 0 ? error.getStackTrace()[0] : null;
        log.error("Hook call failed with {} at {}", error.getClass().getName(), at);
        return ServerResponse.status(500)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        ErrorBody.of(500, "internal-error", "Vigil could not answer this call; the error is logged"));
    }
}
