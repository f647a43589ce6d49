package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cql.CqlFixtures.LAB_SETS;
import static org.vigil.cql.CqlFixtures.LIBRARIES;
import static org.vigil.cql.CqlFixtures.VITALS;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.execution.CqlEngine;

/** Engines are reused between evaluations; nothing one evaluation computed may leak into the next. */
class CqlEngineReuseTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T12:00:00Z");
    private static final Set<String> SCORE = Set.of("qSOFA Score");

    /** The chart of a fixture, under one patient id, as the same patient's chart at two moments. */
    private static CqlPatientData chartOfPatient42(String fixture) {
        List<Resource> resources = CqlFixtures.bundle(fixture).getEntry().stream()
                .map(e -> (Resource) e.getResource())
                .filter(r -> !(r instanceof Patient))
                .toList();
        return CqlPatientData.of("patient-42", resources);
    }

    @Test
    void aNewChartOfTheSamePatientIsNotAnsweredFromTheLastEvaluation() {
        CqlEvaluator evaluator = new CqlEvaluator(LIBRARIES, CqlFixtures.TERMINOLOGY);

        int whenSeptic = evaluator
                .evaluate(VITALS, SCORE, chartOfPatient42("patient-septic.json"), NOW)
                .integer("qSOFA Score");
        int whenStable = evaluator
                .evaluate(VITALS, SCORE, chartOfPatient42("patient-stable.json"), NOW)
                .integer("qSOFA Score");

        assertThat(evaluator.idleEngines()).as("one engine served both").isEqualTo(1);
        assertThat(whenSeptic).isEqualTo(3);
        assertThat(whenStable).isZero();
    }

    @Test
    void aLaterEvaluationTimeIsNotAnsweredFromTheLastEvaluation() {
        CqlEvaluator evaluator = new CqlEvaluator(LIBRARIES, CqlFixtures.TERMINOLOGY);
        CqlPatientData septic = CqlFixtures.patient("patient-septic.json");

        int now = evaluator.evaluate(VITALS, SCORE, septic, NOW).integer("qSOFA Score");
        int threeDaysLater =
                evaluator.evaluate(VITALS, SCORE, septic, NOW.plusDays(3)).integer("qSOFA Score");

        assertThat(evaluator.idleEngines()).isEqualTo(1);
        assertThat(now).isEqualTo(3);
        assertThat(threeDaysLater).isZero();
    }

    @Test
    void anEngineWhoseEvaluationFailedIsNotReused() {
        CqlEvaluator withoutValueSets = new CqlEvaluator(LIBRARIES, ValueSetTerminology.empty());
        CqlPatientData septic = CqlFixtures.patient("patient-septic.json");
        withoutValueSets.evaluate(VITALS, SCORE, septic, NOW);
        assertThat(withoutValueSets.idleEngines()).isEqualTo(1);

        assertThatThrownBy(() -> withoutValueSets.evaluate(LAB_SETS, Set.of("Has Diabetes"), septic, NOW))
                .isInstanceOf(CqlEvaluationException.class);

        assertThat(withoutValueSets.idleEngines())
                .as("the failed engine was dropped")
                .isZero();
        assertThat(withoutValueSets.evaluate(VITALS, SCORE, septic, NOW).integer("qSOFA Score"))
                .isEqualTo(3);
    }

    @Test
    void aLibraryTranslatedAfterTheFirstEvaluationIsEvaluated() {
        CqlLibraries libraries = new CqlLibraries();
        CqlLibrary first = libraries.translate(
                "library First version '1'\nusing FHIR version '4.0.1'\ncontext Patient\ndefine \"One\": 1\n");
        CqlEvaluator evaluator = new CqlEvaluator(libraries, ValueSetTerminology.empty());
        CqlPatientData septic = CqlFixtures.patient("patient-septic.json");
        assertThat(evaluator.evaluate(first, Set.of("One"), septic, NOW).integer("One"))
                .isEqualTo(1);

        CqlLibrary second = libraries.translate(
                "library Second version '1'\nusing FHIR version '4.0.1'\ncontext Patient\ndefine \"Two\": 2\n");

        assertThat(evaluator.evaluate(second, Set.of("Two"), septic, NOW).integer("Two"))
                .isEqualTo(2);
        assertThat(evaluator.evaluate(first, Set.of("One"), septic, NOW).integer("One"))
                .isEqualTo(1);
    }

    @Test
    void enginesSkipTheBookkeepingVigilDoesNotUse() {
        CqlEnginePool pool = new CqlEnginePool(
                new FhirPropertyReader(new org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver()),
                ValueSetTerminology.empty());
        CqlEnginePool.Engine pooled = pool.acquire(LIBRARIES.runtimeLibraryManager());
        CqlEngine engine = pooled.prepare(null);

        // If an engine upgrade moves these, evaluation still works but is slower: this test says so.
        assertThat(engine.getState())
                .as("no record of the resources each expression read")
                .isInstanceOf(ValuesOnlyState.class);
        assertThat(FunctionResolutionCache.keysByIdentity(engine.getCache()))
                .as("function resolutions kept by call identity")
                .isTrue();
    }
}
