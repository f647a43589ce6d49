package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Interval;

class PatientDataRetrieveProviderTest {

    private static final R4FhirModelResolver MODEL = new R4FhirModelResolver();
    private static final Code RESPIRATORY_RATE =
            new Code().withSystem("http://loinc.org").withCode("9279-1");
    private static final Code SYSTOLIC =
            new Code().withSystem("http://loinc.org").withCode("8480-6");

    private final CqlPatientData septic = CqlFixtures.patient("patient-septic.json");
    private final PatientDataRetrieveProvider retrieve =
            new PatientDataRetrieveProvider(septic, MODEL, CqlFixtures.TERMINOLOGY);

    @Test
    void filtersByTypeAndCode() {
        assertThat(ids(retrieve("Observation", List.of(RESPIRATORY_RATE), null)))
                .containsExactly("rr-old", "rr-latest", "rr-stale", "rr-prelim");
        assertThat(ids(retrieve("Observation", List.of(RESPIRATORY_RATE, SYSTOLIC), null)))
                .containsExactly("rr-old", "rr-latest", "rr-stale", "rr-prelim", "sbp-alone");
        assertThat(ids(retrieve("Observation", null, null))).hasSize(9);
        assertThat(ids(retrieve("Patient", null, null))).containsExactly("septic");
        assertThat(retrieve("MedicationRequest", null, null)).isEmpty();
    }

    @Test
    void aCodeNeedsItsSystem() {
        assertThat(retrieve(
                        "Observation",
                        List.of(new Code().withSystem("http://snomed.info/sct").withCode("9279-1")),
                        null))
                .isEmpty();
    }

    @Test
    void filtersByValueSet() {
        assertThat(ids(retrieve("Observation", null, "http://vigil.invalid/fhir/ValueSet/lactate")))
                .containsExactly("lactate");
        assertThat(ids(retrieve("Condition", null, "http://vigil.invalid/fhir/ValueSet/diabetes")))
                .containsExactly("dm2");
    }

    @Test
    void anotherPatientsContextGetsNothing() {
        assertThat(retrieve.retrieve(
                        "Patient",
                        "subject",
                        "someone-else",
                        "Observation",
                        null,
                        "code",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isEmpty();
    }

    @Test
    void dateRangesAreNotSupportedYet() {
        Interval range = new Interval(
                new DateTime("2026-03-01T00:00:00", java.time.ZoneOffset.UTC),
                true,
                new DateTime("2026-03-02T00:00:00", java.time.ZoneOffset.UTC),
                true);
        assertThatThrownBy(() -> retrieve.retrieve(
                        "Patient",
                        "subject",
                        "septic",
                        "Observation",
                        null,
                        "code",
                        null,
                        null,
                        "effective",
                        null,
                        null,
                        range))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCodeIndexIsBuiltOncePerTypeAndPath() {
        Object first = septic.codeIndex("Observation", "code", r -> List.of());
        retrieve("Observation", List.of(RESPIRATORY_RATE), null);
        assertThat(septic.codeIndex("Observation", "code", r -> {
                    throw new AssertionError("re-indexed");
                }))
                .isSameAs(first);
    }

    @Test
    void thePatientIdComesFromThePatientResource() {
        assertThat(septic.patientId()).isEqualTo("septic");
        assertThatThrownBy(() -> CqlPatientData.of(List.<Resource>of(new Observation())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Iterable<Object> retrieve(String type, List<Code> codes, String valueSet) {
        return retrieve.retrieve(
                "Patient",
                "Patient".equals(type) ? "id" : "subject",
                "septic",
                type,
                null,
                "code",
                codes,
                valueSet,
                null,
                null,
                null,
                null);
    }

    private static List<String> ids(Iterable<Object> resources) {
        List<String> ids = new ArrayList<>();
        resources.forEach(r -> ids.add(((Resource) r).getIdElement().getIdPart()));
        return ids;
    }
}
