package org.vigil.knowledge.renal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.BundledKnowledge;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;

/** Fictional fixture rows: they exercise validation, they are not knowledge. */
class RenalThresholdsValidationTest {

    private static final DrugVocabulary DRUGS = BundledKnowledge.fixtureDrugs();
    private static final Set<String> ANALYTES = Set.of("egfr", "creatinine_clearance", "potassium");
    private static final String HEADER =
            "drug\tdrug_name\tmeasure\tthreshold\tcomparison\taction\tadvice\tsource\tsource_url\n";
    private static final String GOOD = "3\tgammaformin\tegfr\t30\tbelow\tavoid\tstop\ts\t\n";

    private static String row(String... fields) {
        return String.join("\t", fields) + "\n";
    }

    private static RenalThresholds parse(String text, Set<String> analytes) {
        return RenalThresholds.parse(BundledKnowledge.table(RenalThresholds.RENAL_THRESHOLDS, text), DRUGS, analytes);
    }

    @Test
    void aValidTableLoadsAndTheStrictestBreachedRowWins() {
        RenalThresholds renal = parse(
                HEADER
                        + GOOD
                        + row("3", "", "egfr", "45", "below", "caution", "reassess", "s", "")
                        + row(
                                "class:fixture-class",
                                "",
                                "creatinine_clearance",
                                "30.5",
                                "at-or-below",
                                "reduce-dose",
                                "halve",
                                "s",
                                "https://example.org/label"),
                ANALYTES);
        assertThat(renal.breached(3, "egfr", 20))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.AVOID);
        assertThat(renal.breached(3, "egfr", 40))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.CAUTION);
        assertThat(renal.breached(2, "creatinine_clearance", 30.5)).isPresent();
        assertThat(renal.breached(2, "creatinine_clearance", 30.6)).isEmpty();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of(
                        row("99", "", "egfr", "30", "below", "avoid", "a", "s", ""), "unknown ingredient rxcui 99"),
                Arguments.of(
                        row("class:nope", "", "egfr", "30", "below", "avoid", "a", "s", ""),
                        "unknown drug class 'nope'"),
                Arguments.of(
                        row("3", "", "potassium", "30", "below", "avoid", "a", "s", ""),
                        "must be egfr or creatinine_clearance, not 'potassium'"),
                Arguments.of(row("3", "", "egfr", "thirty", "below", "avoid", "a", "s", ""), "not a number"),
                Arguments.of(row("3", "", "egfr", "0", "below", "avoid", "a", "s", ""), "outside 0 to 200"),
                Arguments.of(row("3", "", "egfr", "300", "below", "avoid", "a", "s", ""), "outside 0 to 200"),
                Arguments.of(
                        row("3", "", "egfr", "15", "under", "avoid", "a", "s", ""), "must be one of below|at-or-below"),
                Arguments.of(
                        row("3", "", "egfr", "15", "below", "stop", "a", "s", ""),
                        "must be one of avoid|reduce-dose|caution"),
                Arguments.of(row("3", "", "egfr", "15", "below", "avoid", "", "s", ""), "'advice' is blank"),
                Arguments.of(row("3", "", "egfr", "15", "below", "avoid", "a", "", ""), "missing source"),
                Arguments.of(row("3", "", "egfr", "15", "below", "avoid", "a", "s", "ftp://x"), "not an http(s) URL"),
                Arguments.of(
                        row("3", "", "egfr", "30.0", "below", "caution", "a", "s", ""),
                        "duplicate threshold 30.0 of egfr for 3 (first at line 2)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRows")
    void aBadRowFailsNamingTheFileAndLine(String bad, String message) {
        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> parse(HEADER + GOOD + bad, ANALYTES));
        assertThat(e.file()).isEqualTo("renal-thresholds.tsv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("renal-thresholds.tsv:3: ").contains(message);
    }

    @Test
    void aMeasureMustBeALabAnalyteOfTheSnapshot() {
        KnowledgeLoadException e = catchThrowableOfType(
                KnowledgeLoadException.class, () -> parse(HEADER + GOOD, Set.of("creatinine_clearance")));
        assertThat(e.getMessage())
                .isEqualTo("renal-thresholds.tsv:2: column 'measure' refers to unknown lab analyte 'egfr'"
                        + " (not in lab-analytes.tsv)");
    }
}
