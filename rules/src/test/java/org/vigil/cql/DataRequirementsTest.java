package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataRequirementsTest {

    @Test
    void theRetrievesOfALibraryAreListedWithTheirCodes() {
        assertThat(CqlFixtures.VITALS.dataRequirements())
                .containsExactlyInAnyOrder(
                        // the Patient context reads the patient itself
                        new CqlDataRequirement("Patient", null, java.util.List.of(), java.util.List.of()),
                        new CqlDataRequirement(
                                "Observation",
                                "code",
                                java.util.List.of("http://loinc.org|9279-1"),
                                java.util.List.of()),
                        new CqlDataRequirement(
                                "Observation",
                                "code",
                                java.util.List.of("http://loinc.org|8480-6"),
                                java.util.List.of()),
                        new CqlDataRequirement(
                                "Observation",
                                "code",
                                java.util.List.of("http://loinc.org|85354-9"),
                                java.util.List.of()),
                        new CqlDataRequirement(
                                "Observation",
                                "code",
                                java.util.List.of("http://loinc.org|9269-2"),
                                java.util.List.of()));
    }

    @Test
    void valueSetFiltersAndUnfilteredRetrievesAreListedToo() {
        assertThat(CqlFixtures.LAB_SETS.dataRequirements())
                .contains(
                        new CqlDataRequirement(
                                "Observation",
                                "code",
                                java.util.List.of(),
                                java.util.List.of("http://vigil.invalid/fhir/ValueSet/lactate")),
                        new CqlDataRequirement(
                                "Condition",
                                "code",
                                java.util.List.of(),
                                java.util.List.of("http://vigil.invalid/fhir/ValueSet/diabetes")),
                        new CqlDataRequirement("Observation", null, java.util.List.of(), java.util.List.of()));
    }
}
