package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cql.CqlFixtures.EVALUATOR;
import static org.vigil.cql.CqlFixtures.VITALS;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VigilVitalsTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T12:00:00Z");
    private static final Set<String> VITALS_AND_SCORE = Set.of(
            "Latest Respiratory Rate",
            "Latest Systolic Blood Pressure",
            "Latest Glasgow Coma Score",
            "qSOFA Score",
            "qSOFA Positive");

    @Test
    void latestVitalsAndQsofaOfASepticPatient() {
        CqlResults results =
                EVALUATOR.evaluate(VITALS, VITALS_AND_SCORE, CqlFixtures.patient("patient-septic.json"), NOW);

        // 24/min at 10:00 is the latest final rate: the preliminary 12/min and the 30/min two days ago do not count.
        assertThat(results.decimal("Latest Respiratory Rate")).isEqualByComparingTo("24");
        // The 85354-9 panel's systolic component (95 at 11:00) is later than the lone 8480-6 reading (120 at 07:00).
        assertThat(results.decimal("Latest Systolic Blood Pressure")).isEqualByComparingTo("95");
        assertThat(results.decimal("Latest Glasgow Coma Score")).isEqualByComparingTo("14");
        assertThat(results.integer("qSOFA Score")).isEqualTo(3);
        assertThat(results.bool("qSOFA Positive")).isTrue();
    }

    @Test
    void missingCriteriaScoreNothing() {
        CqlResults results =
                EVALUATOR.evaluate(VITALS, VITALS_AND_SCORE, CqlFixtures.patient("patient-stable.json"), NOW);

        assertThat(results.decimal("Latest Respiratory Rate")).isEqualByComparingTo("16");
        assertThat(results.decimal("Latest Systolic Blood Pressure")).isEqualByComparingTo("128");
        assertThat(results.get("Latest Glasgow Coma Score")).isNull();
        assertThat(results.integer("qSOFA Score")).isZero();
        assertThat(results.bool("qSOFA Positive")).isFalse();
    }

    @Test
    void readingsOlderThanTheLookbackAreIgnored() {
        CqlResults results = EVALUATOR.evaluate(
                VITALS, VITALS_AND_SCORE, CqlFixtures.patient("patient-septic.json"), NOW.plusDays(3));

        assertThat(results.get("Latest Respiratory Rate")).isNull();
        assertThat(results.integer("qSOFA Score")).isZero();
    }

    @Test
    void listsComeBackAsJavaLists() {
        CqlResults results = EVALUATOR.evaluate(
                VITALS, Set.of("Respiratory Rates"), CqlFixtures.patient("patient-septic.json"), NOW);

        assertThat(results.list("Respiratory Rates")).hasSize(2);
    }

    @Test
    void anExpressionTheLibraryDoesNotDefineIsRefused() {
        assertThatThrownBy(() -> EVALUATOR.evaluate(
                        VITALS, Set.of("Shock Index"), CqlFixtures.patient("patient-stable.json"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Shock Index");
    }

    @Test
    void concurrentEvaluationsKeepTheirOwnPatients() throws Exception {
        CqlPatientData septic = CqlFixtures.patient("patient-septic.json");
        CqlPatientData stable = CqlFixtures.patient("patient-stable.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> scores = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                CqlPatientData patient = i % 2 == 0 ? septic : stable;
                scores.add(pool.submit(() -> EVALUATOR
                        .evaluate(VITALS, VITALS_AND_SCORE, patient, NOW)
                        .integer("qSOFA Score")));
            }
            for (int i = 0; i < scores.size(); i++) {
                assertThat(scores.get(i).get()).as("evaluation %d", i).isEqualTo(i % 2 == 0 ? 3 : 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
