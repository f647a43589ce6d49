package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cql.CqlFixtures.EVALUATOR;
import static org.vigil.cql.CqlFixtures.LAB_SETS;
import static org.vigil.cql.CqlFixtures.TERMINOLOGY;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.terminology.ValueSetInfo;

class ValueSetRetrieveTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T12:00:00Z");
    private static final Set<String> ALL =
            Set.of("Lactate Results", "Lactate Values", "Has Diabetes", "Any Observation Code In Lactate");

    @Test
    void aValueSetRetrieveReturnsOnlyMembers() {
        CqlResults results = EVALUATOR.evaluate(LAB_SETS, ALL, CqlFixtures.patient("patient-septic.json"), NOW);

        assertThat(results.list("Lactate Results"))
                .singleElement()
                .isInstanceOfSatisfying(
                        Observation.class,
                        o -> assertThat(o.getIdElement().getIdPart()).isEqualTo("lactate"));
        assertThat(results.list("Lactate Values")).singleElement().asString().isEqualTo("3.1");
        // Diabetes comes from compose.include.concept, lactate from expansion.contains.
        assertThat(results.bool("Has Diabetes")).isTrue();
        assertThat(results.bool("Any Observation Code In Lactate")).isTrue();
    }

    @Test
    void aPatientWithoutMembersGetsNothing() {
        CqlResults results = EVALUATOR.evaluate(LAB_SETS, ALL, CqlFixtures.patient("patient-stable.json"), NOW);

        assertThat(results.list("Lactate Results")).isEmpty();
        assertThat(results.bool("Has Diabetes")).isFalse();
        assertThat(results.bool("Any Observation Code In Lactate")).isFalse();
    }

    @Test
    void membershipUsesSystemAndCode() {
        ValueSetInfo lactate = new ValueSetInfo().withId("http://vigil.invalid/fhir/ValueSet/lactate");

        assertThat(TERMINOLOGY.in(new Code().withSystem("http://loinc.org").withCode("32693-4"), lactate))
                .isTrue();
        assertThat(TERMINOLOGY.in(
                        new Code().withSystem("http://snomed.info/sct").withCode("32693-4"), lactate))
                .isFalse();
        assertThat(TERMINOLOGY.expand(new ValueSetInfo()
                        .withId("http://vigil.invalid/fhir/ValueSet/lactate")
                        .withVersion("1")))
                .extracting(Code::getCode)
                .containsExactly("2524-7", "32693-4");
    }

    @Test
    void aValueSetThatNeedsATerminologyServerIsRejectedUpFront() {
        ValueSet byFilter = new ValueSet().setUrl("http://vigil.invalid/fhir/ValueSet/filtered");
        byFilter.getCompose()
                .addInclude()
                .setSystem("http://snomed.info/sct")
                .addFilter()
                .setProperty("concept")
                .setValue("73211009");

        assertThatThrownBy(() -> ValueSetTerminology.of(List.of(byFilter)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://vigil.invalid/fhir/ValueSet/filtered");
    }

    @Test
    void anUnknownValueSetFailsTheEvaluation() {
        CqlEvaluator withoutValueSets = new CqlEvaluator(CqlFixtures.LIBRARIES, ValueSetTerminology.empty());

        assertThatThrownBy(() -> withoutValueSets.evaluate(
                        LAB_SETS, Set.of("Has Diabetes"), CqlFixtures.patient("patient-septic.json"), NOW))
                .isInstanceOf(CqlEvaluationException.class)
                .hasMessageContaining("http://vigil.invalid/fhir/ValueSet/diabetes");
    }
}
