package org.vigil.service.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.lab.LabCatalog;
import org.vigil.lab.LabResult;
import org.vigil.lab.OtherResult;

/** Results outside the lab catalog: the latest per LOINC code, whatever the value, so a check can see the test was done. */
class ResultNormalizerTest {

    private static final LabCatalog LABS = KnowledgeSnapshot.bundled().labs();

    private static final String LITHIUM = "14334-7";
    private static final String VANCOMYCIN = "20578-1";

    private final ResultNormalizer normalizer = new ResultNormalizer();

    private static Observation observation(String id, String loinc, String effective, Type value) {
        Observation observation = new Observation();
        observation.setId("Observation/" + id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(ResultNormalizer.LOINC, loinc, null)));
        if (effective != null) {
            observation.setEffective(new DateTimeType(effective));
        }
        observation.setValue(value);
        return observation;
    }

    private static Quantity quantity(String value, String unit) {
        return new Quantity()
                .setValue(new BigDecimal(value))
                .setUnit(unit)
                .setCode(unit)
                .setSystem("http://unitsofmeasure.org");
    }

    private static Bundle bundle(Observation... observations) {
        Bundle bundle = new Bundle();
        for (Observation observation : observations) {
            bundle.addEntry().setResource(observation);
        }
        return bundle;
    }

    @Test
    void theLatestResultPerUnknownLoincIsKeptWhateverItsValue() {
        Observation older = observation("li-old", LITHIUM, "2026-08-01T08:00:00Z", quantity("0.7", "mmol/L"));
        Observation newer = observation("li-new", LITHIUM, "2026-10-30T08:00:00Z", new StringType("0.8 mmol/L"));
        Observation vancomycin =
                observation("vanco", VANCOMYCIN, "2026-11-20T08:00:00Z", new CodeableConcept().setText("see report"));

        ResultNormalizer.Results results = normalizer.normalize(LABS, bundle(older, newer, vancomycin));

        assertThat(results.other())
                .containsExactlyInAnyOrder(
                        new OtherResult("Observation/li-new", LITHIUM, Instant.parse("2026-10-30T08:00:00Z")),
                        new OtherResult("Observation/vanco", VANCOMYCIN, Instant.parse("2026-11-20T08:00:00Z")));
        assertThat(results.latest()).isEmpty();
        assertThat(results.uncomparable()).isEmpty();
    }

    @Test
    void aDatedResultOutranksAnUndatedOneAndIssuedStandsInForTheEffectiveTime() {
        Observation undated = observation("li-undated", LITHIUM, null, quantity("0.7", "mmol/L"));
        Observation issued = observation("li-issued", LITHIUM, null, quantity("0.9", "mmol/L"));
        issued.setIssued(Date.from(Instant.parse("2026-09-01T10:00:00Z")));

        assertThat(normalizer.normalize(LABS, bundle(undated, issued)).other())
                .containsExactly(
                        new OtherResult("Observation/li-issued", LITHIUM, Instant.parse("2026-09-01T10:00:00Z")));
        assertThat(normalizer.normalize(LABS, bundle(undated)).other())
                .containsExactly(new OtherResult("Observation/li-undated", LITHIUM, null));
    }

    @Test
    void cancelledResultsAndResultsWithoutAValueAreNoResults() {
        Observation cancelled = observation("li-cancelled", LITHIUM, "2026-11-20T08:00:00Z", quantity("0.7", "mmol/L"));
        cancelled.setStatus(Observation.ObservationStatus.CANCELLED);
        Observation registered = observation("li-registered", LITHIUM, "2026-11-21T08:00:00Z", null);
        registered.setStatus(Observation.ObservationStatus.REGISTERED);
        Observation noValue = observation("li-novalue", LITHIUM, "2026-11-21T08:00:00Z", null);
        Observation emptyValue = observation("li-empty", LITHIUM, "2026-11-21T08:00:00Z", new StringType());

        assertThat(normalizer
                        .normalize(LABS, bundle(cancelled, registered, noValue, emptyValue))
                        .other())
                .isEmpty();
    }

    @Test
    void catalogResultsStayLabResultsAndNeverBecomeOtherResults() {
        Observation potassium = observation("k", "2823-3", "2026-11-21T07:00:00Z", quantity("4.1", "mmol/L"));
        Observation potassiumText = observation("k-text", "2823-3", "2026-11-21T08:00:00Z", new StringType("normal"));

        ResultNormalizer.Results results = normalizer.normalize(LABS, bundle(potassium, potassiumText));

        assertThat(results.latest()).extracting(LabResult::reference).containsExactly("Observation/k");
        assertThat(results.other()).isEmpty();
    }

    @Test
    void anUncomparableResultCarriesItsDate() {
        Observation calcium = observation("ca", "17861-6", "2026-11-21T07:00:00Z", quantity("2.3", "mEq/L"));

        assertThat(normalizer.normalize(LABS, bundle(calcium)).uncomparable())
                .singleElement()
                .satisfies(result -> assertThat(result.effective()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z")));
    }
}
