package org.vigil.service.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.lab.LabResult;
import org.vigil.lab.OtherResult;
import org.vigil.rules.PatientContext;
import org.vigil.service.support.Requests;

/** What the rules get to see of a chart: the latest result per analyte, in comparable units. */
class PatientContextAssemblerTest {

    private static final Clock NOV_22_2026 = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private final PatientContext context = new PatientContextAssembler(NOV_22_2026)
            .assemble(
                    new CdsHooksCodec(FhirContext.forR4Cached())
                            .decodeRequest(Requests.json("order-sign-labs-vitals-conditions.json")
                                    .getBytes(StandardCharsets.UTF_8)),
                    KnowledgeSnapshot.bundled());

    private final Map<String, LabResult> latest =
            context.results().stream().collect(Collectors.toMap(LabResult::analyte, Function.identity()));

    @Test
    void theLatestGlucoseWinsInMgPerDlWithTheOlderOneAsTheTrend() {
        LabResult glucose = latest.get("glucose");

        assertThat(glucose.reference()).isEqualTo("Observation/glu-new");
        assertThat(glucose.unit()).isEqualTo("mg/dL");
        assertThat(glucose.value()).isCloseTo(99.1, within(0.1));
        assertThat(glucose.previousValue()).isEqualTo(300.0);
    }

    @Test
    void aResultEnteredInErrorNeverCounts() {
        assertThat(latest.get("potassium").reference()).isEqualTo("Observation/k-ok");
        assertThat(latest.get("potassium").hasPrevious()).isFalse();
    }

    @Test
    void aUnitThatCannotBeConvertedIsReportedNotCompared() {
        assertThat(latest).doesNotContainKey("calcium");
        assertThat(context.uncomparableResults()).singleElement().satisfies(result -> {
            assertThat(result.analyte()).isEqualTo("calcium");
            assertThat(result.unitSent()).isEqualTo("mEq/L");
            assertThat(result.reason()).isNotBlank();
            assertThat(result.effective()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
        });
    }

    @Test
    void aResultUnderALoincTheCatalogDoesNotKnowIsKeptAsAnOtherResult() {
        assertThat(context.otherResults())
                .containsExactly(
                        new OtherResult("Observation/unknown-loinc", "99999-9", Instant.parse("2026-11-21T07:00:00Z")));
        assertThat(context.results()).extracting(LabResult::reference).doesNotContain("Observation/unknown-loinc");
    }

    @Test
    void bloodPressureComponentsOfThePanelAndTemperatureInFahrenheitBecomeVitals() {
        assertThat(latest.get("systolic_bp").value()).isEqualTo(92.0);
        assertThat(latest.get("diastolic_bp").value()).isEqualTo(58.0);
        assertThat(latest.get("body_temperature").value()).isCloseTo(38.5, within(0.01));
    }

    @Test
    void conditionsCarryTheirGroupsAndStatus() {
        assertThat(context.conditions())
                .filteredOn(condition -> condition.reference().equals("Condition/ckd"))
                .singleElement()
                .satisfies(condition -> {
                    assertThat(condition.groups()).contains("ckd-stage-4");
                    assertThat(condition.active()).isTrue();
                });
        assertThat(context.conditions())
                .filteredOn(condition -> condition.inGroup("heart-failure"))
                .singleElement()
                .satisfies(condition -> assertThat(condition.active()).isFalse());
    }

    @Test
    void thePatientsAgeIsReckonedOnToday() {
        assertThat(context.patient().ageInYears()).isEqualTo(76);
        assertThat(context.patient().sex()).isEqualTo("female");
    }
}
