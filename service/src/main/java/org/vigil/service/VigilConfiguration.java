package org.vigil.service;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.service.alertlog.AlertLog;
import org.vigil.service.cards.AlertPolicy;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.context.PatientContextAssembler;
import org.vigil.service.feedback.FeedbackStore;
import org.vigil.service.hooks.HookHandlers;
import org.vigil.service.hooks.ServiceCatalog;
import org.vigil.service.knowledge.KnowledgeDistributionLink;
import org.vigil.service.knowledge.KnowledgeHolder;
import org.vigil.service.packs.RulePackLoader;
import org.vigil.service.packs.RulePacks;
import org.vigil.service.pipeline.HookPipeline;
import org.vigil.service.prefetch.PrefetchCompletion;
import org.vigil.service.suppression.InProcessOverrideMemory;
import org.vigil.service.suppression.OverrideMemory;
import org.vigil.service.suppression.RedisOverrideMemory;
import org.vigil.service.web.RequestBodies;

/** Wires the plain-Java modules (protocol, knowledge, rules) into the running service. */
@Configuration(proxyBeanMethods = false)
class VigilConfiguration {

    /**
     * The system clock, or a fixed instant when {@code vigil.clock.fixed} is set: the replay suite
     * judges its cases (result dates, lookback windows, ages) as of the day they were written.
     */
    @Bean
    Clock clock(org.springframework.core.env.Environment environment) {
        String fixed = environment.getProperty("vigil.clock.fixed");
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        org.slf4j.LoggerFactory.getLogger(VigilConfiguration.class)
                .warn("Clock fixed at {} (vigil.clock.fixed): for replaying test cases only", fixed);
        return Clock.fixed(java.time.Instant.parse(fixed), java.time.ZoneOffset.UTC);
    }

    /** Costly to build (it scans the R4 model), safe to share: one per application. */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    CdsHooksCodec cdsHooksCodec(FhirContext fhirContext) {
        return new CdsHooksCodec(fhirContext);
    }

    /** Reads and translates rule packs; one FHIR model resolver for all (costly to build). */
    @Bean
    RulePackLoader rulePackLoader(FhirContext fhirContext) {
        return new RulePackLoader(fhirContext, new org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver());
    }

    /** The shipped rule pack and those in {@code vigil.packs.directories}, translated at start. */
    @Bean
    RulePacks rulePacks(RulePackLoader loader, VigilProperties properties) {
        java.util.Set<String> builtIn = new ServiceCatalog()
                .all().stream()
                        .map(org.vigil.service.hooks.VigilCdsService::id)
                        .collect(java.util.stream.Collectors.toSet());
        return RulePacks.load(
                loader,
                RulePacks.SHIPPED,
                properties.packs().directories().stream()
                        .map(java.nio.file.Path::of)
                        .toList(),
                builtIn);
    }

    @Bean
    ServiceCatalog serviceCatalog(RulePacks rulePacks) {
        return new ServiceCatalog(rulePacks);
    }

    @Bean
    KnowledgeHolder knowledgeHolder() {
        return new KnowledgeHolder(KnowledgeSnapshot.bundled());
    }

    /** Only with {@code vigil.redis.url} set; without it the instance runs on its bundled tables. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("vigil.redis.url")
    KnowledgeDistributionLink knowledgeDistribution(
            KnowledgeHolder holder, org.springframework.core.env.Environment environment) {
        return new KnowledgeDistributionLink(
                environment.getRequiredProperty("vigil.redis.url"), holder, Duration.ofSeconds(30));
    }

    @Bean
    CheckEngine checkEngine() {
        return CheckEngine.shipped();
    }

    /** The patient-view checks: abnormal and critical results, high-risk flags. */
    @Bean
    CheckEngine chartCheckEngine() {
        return CheckEngine.shipped(CheckEngine.PATIENT_VIEW_KIE_BASE);
    }

    @Bean(destroyMethod = "close")
    AlertLog alertLog(DatabaseClient database, VigilProperties properties, MeterRegistry meters) {
        VigilProperties.AlertLogSettings settings = properties.alertLog();
        return new AlertLog(
                database, settings.batchSize(), settings.bufferCapacity(), settings.flushInterval(), meters);
    }

    @Bean
    FeedbackStore feedbackStore(DatabaseClient database) {
        return new FeedbackStore(database);
    }

    /**
     * Overrides are shared through Redis when {@code vigil.redis.url} is set, so every instance
     * stays quiet after one prescriber's override; otherwise each instance remembers its own.
     */
    @Bean
    OverrideMemory overrideMemory(
            VigilProperties properties, org.springframework.core.env.Environment environment, Clock clock) {
        VigilProperties.AlertPolicySettings policy = properties.alertPolicy();
        String redisUrl = environment.getProperty("vigil.redis.url");
        if (redisUrl != null && !redisUrl.isBlank()) {
            return new RedisOverrideMemory(redisUrl, clock, policy.overrideWindow(), Duration.ofMillis(250));
        }
        return new InProcessOverrideMemory(clock, policy.overrideWindow(), 200_000);
    }

    @Bean
    HookPipeline hookPipeline(
            CdsHooksCodec codec,
            CheckEngine checkEngine,
            CheckEngine chartCheckEngine,
            KnowledgeHolder knowledge,
            AlertLog alertLog,
            OverrideMemory overrides,
            VigilProperties properties,
            Clock clock,
            MeterRegistry meters,
            RulePacks rulePacks,
            PrefetchCompletion prefetchCompletion) {
        VigilProperties.AlertPolicySettings policy = properties.alertPolicy();
        return new HookPipeline(
                codec,
                new PatientContextAssembler(clock),
                checkEngine,
                chartCheckEngine,
                knowledge,
                new AlertPolicy(java.util.Set.copyOf(policy.hideInformational())),
                new CardFactory(),
                alertLog,
                overrides,
                policy.overrideWindow(),
                clock,
                meters,
                rulePacks,
                prefetchCompletion);
    }

    @Bean
    HookHandlers hookHandlers(
            ServiceCatalog catalog,
            HookPipeline pipeline,
            CdsHooksCodec codec,
            FeedbackStore feedbackStore,
            OverrideMemory overrides,
            VigilProperties properties,
            MeterRegistry meters,
            Clock clock) {
        return new HookHandlers(
                catalog,
                pipeline,
                codec,
                feedbackStore,
                overrides,
                new RequestBodies(properties.maxRequestSize().toBytes()),
                meters,
                clock);
    }
}
