package org.vigil.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoDataTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static DemoData demo(MockEnvironment environment, String today) {
        return new DemoData(null, FHIR, null, environment, Clock.fixed(Instant.parse(today), ZoneOffset.UTC));
    }

    @Test
    void onByDefaultForTheEmbeddedDatabaseOnlyAndAlwaysWhenSet() {
        assertThat(demo(new MockEnvironment(), "2026-11-22T12:00:00Z").enabled())
                .isTrue();
        MockEnvironment external = new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/x");
        assertThat(demo(external, "2026-11-22T12:00:00Z").enabled()).isFalse();
        external.setProperty("vigil.demo-data.enabled", "true");
        assertThat(demo(external, "2026-11-22T12:00:00Z").enabled()).isTrue();
        MockEnvironment embeddedOff = new MockEnvironment().withProperty("vigil.demo-data.enabled", "false");
        assertThat(demo(embeddedOff, "2026-11-22T12:00:00Z").enabled()).isFalse();
    }

    @Test
    void datesMoveForwardByTheDaysSinceTheDataWasWrittenSoAgesAndResultAgesStay() {
        List<Resource> asWritten =
                demo(new MockEnvironment(), "2026-11-22T12:00:00Z").resources();
        List<Resource> later =
                demo(new MockEnvironment(), "2027-03-02T12:00:00Z").resources();

        Patient thenPatient = patient(asWritten, "demo-rsk-7");
        Patient laterPatient = patient(later, "demo-rsk-7");
        assertThat(thenPatient.getBirthDateElement().getValueAsString()).isEqualTo("1948-03-09");
        assertThat(laterPatient.getBirthDateElement().getValueAsString()).isEqualTo("1948-06-17");
        Observation inr = (Observation) later.stream()
                .filter(r -> r.getIdElement().getIdPart().equals("demo-lab-1-inr-1b"))
                .findFirst()
                .orElseThrow();
        assertThat(inr.getEffectiveDateTimeType().getValueAsString()).startsWith("2027-02-28");
        assertThat(asWritten).hasSize(later.size());
    }

    private static Patient patient(List<Resource> resources, String id) {
        return (Patient) resources.stream()
                .filter(r ->
                        r instanceof Patient && r.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
