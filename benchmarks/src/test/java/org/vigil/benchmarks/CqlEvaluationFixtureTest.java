package org.vigil.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.execution.EvaluationResult;
import org.vigil.cql.CqlResults;

/**
 * {@link CqlEvaluationBenchmark} compares like with like only if the chart has the stated size and
 * both engines compute the same values from it, and measures real work only if the values come from
 * the data (latest readings found, value sets matched).
 */
class CqlEvaluationFixtureTest {

    private static final CqlEvaluationBenchmark BENCHMARK = new CqlEvaluationBenchmark();

    @BeforeAll
    static void setUp() {
        BENCHMARK.setUp();
    }

    @Test
    void theChartHasFiveHundredResourcesOfTheStatedKinds() {
        Map<String, Long> byType =
                BENCHMARK.chart.stream().collect(Collectors.groupingBy(Resource::fhirType, Collectors.counting()));

        assertThat(BENCHMARK.chart).hasSize(500);
        assertThat(byType)
                .containsEntry("Patient", 1L)
                .containsEntry("Condition", 20L)
                .containsEntry("MedicationRequest", 30L)
                .containsEntry("Observation", 449L);
    }

    @Test
    void bothEnginesComputeTheSameValuesFromTheData() {
        CqlResults vigil = BENCHMARK.vigil();
        EvaluationResult reference = BENCHMARK.clinicalReasoning();

        assertThat(vigil.values()).hasSize(BENCHMARK.expressions().size());
        for (String name : new String[] {
            "Latest Respiratory Rate",
            "Latest Heart Rate",
            "Latest Temperature",
            "Latest Oxygen Saturation",
            "Latest Systolic Blood Pressure",
            "Latest Lactate",
            "Latest Creatinine",
            "Lowest Creatinine",
            "Latest Potassium"
        }) {
            Object theirs = reference.forExpression(name).value();
            assertThat(vigil.decimal(name)).as(name).isNotNull().isEqualByComparingTo((BigDecimal) theirs);
        }
        for (String name : new String[] {
            "Has Diabetes", "Has Chronic Kidney Disease", "On Anticoagulant", "Creatinine Rise", "Review Needed"
        }) {
            assertThat(vigil.bool(name))
                    .as(name)
                    .isEqualTo(reference.forExpression(name).value());
        }
        assertThat(vigil.bool("Has Diabetes")).isTrue();
        assertThat(vigil.bool("On Anticoagulant")).isTrue();
        assertThat(vigil.list("Active Anticoagulant Orders")).hasSize(4);
    }
}
