package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.service.cards.AlertPolicy;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.context.PatientContextAssembler;
import org.vigil.service.knowledge.KnowledgeHolder;
import org.vigil.service.pipeline.HookPipeline;
import org.vigil.service.support.TestRedis;
import org.vigil.service.suppression.OverrideMemory;
import org.vigil.service.suppression.RedisOverrideMemory;

/**
 * Two instances sharing the override memory through a real Redis: a clinician's override of the
 * qSOFA pack card, reported to one instance, keeps the other from interrupting with it for that
 * patient, and not for another patient.
 */
class PackOverrideRedisIT {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final RulePacks PACKS = RulePacks.load(
            new RulePackLoader(FhirContext.forR4Cached(), new R4FhirModelResolver()),
            RulePacks.SHIPPED,
            List.of(),
            Set.of());

    private RedisOverrideMemory memoryOne;
    private RedisOverrideMemory memoryTwo;

    @BeforeEach
    void connect() {
        String url = TestRedis.url();
        memoryOne = new RedisOverrideMemory(url, Clock.systemUTC(), WINDOW, Duration.ofSeconds(2));
        memoryTwo = new RedisOverrideMemory(url, Clock.systemUTC(), WINDOW, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (memoryOne != null) {
            memoryOne.close();
        }
        if (memoryTwo != null) {
            memoryTwo.close();
        }
    }

    @Test
    void anOverrideReportedToOneInstanceQuietsThePackCardOnTheOther() {
        HookPipeline one = pipeline(memoryOne);
        HookPipeline two = pipeline(memoryTwo);
        PackService qsofa = PACKS.find("vigil-sepsis-qsofa").orElseThrow();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String patient = "redis-qsofa-" + UUID.randomUUID();

        Card first = card(one, qsofa, QsofaRequests.patientView(patient, anHourAgo, 26, 92, 13));
        assertThat(first.indicator()).isEqualTo(Indicator.WARNING);

        // the card is remembered off the request path: report the override once it is known
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int known = 0;
        while (known == 0 && System.nanoTime() < deadline) {
            known = memoryOne
                    .override(List.of(new OverrideMemory.Reported(first.uuid(), Instant.now(), "not-applicable")))
                    .block();
            if (known == 0) {
                pause();
            }
        }
        assertThat(known).isEqualTo(1);

        Card again = card(two, qsofa, QsofaRequests.patientView(patient, anHourAgo, 26, 92, 13));
        assertThat(again.indicator()).isEqualTo(Indicator.INFO);
        assertThat(again.summary()).startsWith("Overridden before");

        Card otherPatient =
                card(two, qsofa, QsofaRequests.patientView("redis-other-" + UUID.randomUUID(), anHourAgo, 26, 92, 13));
        assertThat(otherPatient.indicator()).isEqualTo(Indicator.WARNING);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Card card(HookPipeline pipeline, PackService service, String request) {
        List<Card> cards = pipeline.call(service.service(), request.getBytes(StandardCharsets.UTF_8))
                .block()
                .cards();
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }

    private static HookPipeline pipeline(OverrideMemory memory) {
        return new HookPipeline(
                new CdsHooksCodec(FhirContext.forR4Cached()),
                new PatientContextAssembler(Clock.systemUTC()),
                CheckEngine.shipped(),
                CheckEngine.shipped(CheckEngine.PATIENT_VIEW_KIE_BASE),
                new KnowledgeHolder(KnowledgeSnapshot.bundled()),
                new AlertPolicy(),
                new CardFactory(),
                entries -> {},
                memory,
                WINDOW,
                Clock.systemUTC(),
                new SimpleMeterRegistry(),
                PACKS);
    }
}
