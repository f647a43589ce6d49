package org.vigil.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.service.alertlog.AlertSink;
import org.vigil.service.cards.AlertPolicy;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.context.PatientContextAssembler;
import org.vigil.service.hooks.ServiceCatalog;
import org.vigil.service.hooks.VigilCdsService;
import org.vigil.service.knowledge.KnowledgeHolder;
import org.vigil.service.pipeline.HookPipeline;

/** The production hook pipeline, assembled without Spring, for measuring. */
public final class Pipelines {

    /**
     * The alert log is written off the request path in production; here its hand-off is counted
     * and dropped, so the figures are decode + evaluate + encode only.
     */
    static final class CountingSink implements AlertSink {
        long entries;

        @Override
        public void record(java.util.List<org.vigil.service.alertlog.AlertEntry> batch) {
            entries += batch.size();
        }
    }

    private Pipelines() {}

    public static HookPipeline orderSign(AlertSink sink) {
        return new HookPipeline(
                new CdsHooksCodec(FhirContext.forR4Cached()),
                new PatientContextAssembler(Clock.systemUTC()),
                CheckEngine.shipped(),
                CheckEngine.shipped(CheckEngine.PATIENT_VIEW_KIE_BASE),
                new KnowledgeHolder(KnowledgeSnapshot.bundled()),
                new AlertPolicy(),
                new CardFactory(),
                sink,
                new org.vigil.service.suppression.InProcessOverrideMemory(
                        Clock.systemUTC(), java.time.Duration.ofHours(24), 200_000),
                java.time.Duration.ofHours(24),
                Clock.systemUTC(),
                new SimpleMeterRegistry(),
                org.vigil.service.packs.RulePacks.none());
    }

    public static VigilCdsService orderSignService() {
        return new ServiceCatalog().find("order-sign-medication-safety").orElseThrow();
    }

    public static byte[] resource(String name) {
        try (InputStream in = Pipelines.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
