package org.vigil.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CqlLibrariesTest {

    private static final String BROKEN = """
            library Broken version '1'

            using FHIR version '4.0.1'

            context Patient

            define "Rates": [Observation] O where O.nonsense > 3

            define "Count": Count("Ratez")
            """;

    @Test
    void aBrokenLibraryIsRejectedWithEveryErrorAndItsLine() {
        CqlLibraries libraries = CqlFixtures.LIBRARIES;

        assertThatThrownBy(() -> libraries.translate(BROKEN))
                .isInstanceOf(CqlTranslationException.class)
                .hasMessageContaining("Broken line 7")
                .hasMessageContaining("Broken line 9")
                .asInstanceOf(type(CqlTranslationException.class))
                .satisfies(e -> {
                    assertThat(e.errors()).extracting(CqlError::line).containsExactly(7, 9);
                    assertThat(e.errors()).allSatisfy(err -> {
                        assertThat(err.library()).isEqualTo("Broken");
                        assertThat(err.column()).isPositive();
                    });
                    assertThat(e.errors().get(1).message()).contains("Ratez");
                });
        assertThat(libraries.library("Broken")).isEmpty();
    }

    @Test
    void aSyntaxErrorReportsItsLineAndColumn() {
        String source = "library Typo version '1'\nusing FHIR version '4.0.1'\ncontext Patient\ndefine \"X\": 1 +\n";

        assertThatThrownBy(() -> new CqlLibraries().translate(source))
                .isInstanceOf(CqlTranslationException.class)
                .asInstanceOf(type(CqlTranslationException.class))
                .satisfies(e -> assertThat(e.errors())
                        .first()
                        .satisfies(err -> assertThat(err.line()).isBetween(4, 5)));
    }

    @Test
    void aTranslatedLibraryListsItsExpressions() {
        assertThat(CqlFixtures.VITALS.name()).isEqualTo("VigilVitals");
        assertThat(CqlFixtures.VITALS.version()).isEqualTo("0.1.0");
        assertThat(CqlFixtures.VITALS.expressionNames())
                .contains("Latest Respiratory Rate", "qSOFA Score")
                .doesNotContain("Effective Time", "Counts");
        assertThat(CqlFixtures.LIBRARIES.library("VigilVitals")).contains(CqlFixtures.VITALS);
    }

    @Test
    void aLaterLibraryCanIncludeAnEarlierOne() {
        CqlLibrary derived = CqlFixtures.LIBRARIES.translate("""
                library VigilDerived version '0.1.0'
                using FHIR version '4.0.1'
                include VigilVitals version '0.1.0' called Vitals
                context Patient
                define "Tachypnoea": Vitals."Latest Respiratory Rate" >= 22
                """);

        CqlResults results = CqlFixtures.EVALUATOR.evaluate(
                derived,
                Set.of("Tachypnoea"),
                CqlFixtures.patient("patient-septic.json"),
                ZonedDateTime.parse("2026-03-01T12:00:00Z"));

        assertThat(results.bool("Tachypnoea")).isTrue();
    }

    @Test
    void evaluationNeverTranslates() {
        CqlLibraries other = new CqlLibraries();
        CqlEvaluator evaluator = new CqlEvaluator(other, ValueSetTerminology.empty(), sharedResolver());

        assertThatThrownBy(() -> evaluator.evaluate(
                        CqlFixtures.VITALS,
                        Set.of("qSOFA Score"),
                        CqlFixtures.patient("patient-stable.json"),
                        ZonedDateTime.now()))
                .isInstanceOf(CqlEvaluationException.class);
    }

    private static org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver sharedResolver() {
        return new org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver();
    }
}
