package org.vigil.knowledge.disease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
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
class DrugDiseaseTableValidationTest {

    private static final DrugVocabulary DRUGS = BundledKnowledge.fixtureDrugs();
    private static final Set<String> GROUPS = Set.of("heart-failure", "asthma");
    private static final String HEADER = "drug\tdrug_name\tcondition_group\tseverity\tinterruptive\trationale"
            + "\tmanagement\tsource\tsource_url\n";
    private static final String GOOD = "class:fixture-class\t\theart-failure\tmajor\ttrue\tfluid\tavoid\ts\t\n";

    private static String row(String... fields) {
        return String.join("\t", fields) + "\n";
    }

    private static DrugDiseaseTable parse(String text) {
        return DrugDiseaseTable.parse(BundledKnowledge.table(DrugDiseaseTable.DRUG_DISEASE, text), DRUGS, GROUPS);
    }

    @Test
    void aValidTableLoadsAndAnIngredientRowAddsToItsClassRow() {
        DrugDiseaseTable table = parse(
                HEADER + GOOD + row("2", "betaprofen", "heart-failure", "contraindicated", "true", "r", "m", "s", ""));
        assertThat(table.contraindications(2, Set.of("heart-failure")))
                .extracting(DrugDisease::severity)
                .containsExactly(DiseaseSeverity.CONTRAINDICATED, DiseaseSeverity.MAJOR);
        assertThat(table.contraindications(1, Set.of("heart-failure"))).hasSize(1);
        assertThat(table.contraindications(3, Set.of("heart-failure"))).isEmpty();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of(
                        row("99", "", "asthma", "major", "true", "r", "m", "s", ""), "unknown ingredient rxcui 99"),
                Arguments.of(
                        row("class:nope", "", "asthma", "major", "true", "r", "m", "s", ""),
                        "unknown drug class 'nope'"),
                Arguments.of(
                        row("3", "alphazepam", "asthma", "major", "true", "r", "m", "s", ""),
                        "ingredient 3 is 'gammaformin'"),
                Arguments.of(
                        row("3", "", "gout", "major", "true", "r", "m", "s", ""),
                        "unknown condition group 'gout' (not in condition-groups.tsv)"),
                Arguments.of(
                        row("3", "", "asthma", "severe", "true", "r", "m", "s", ""),
                        "must be one of contraindicated|major|moderate"),
                Arguments.of(row("3", "", "asthma", "major", "yes", "r", "m", "s", ""), "must be true or false"),
                Arguments.of(row("3", "", "asthma", "major", "true", "r", "", "s", ""), "'management' is blank"),
                Arguments.of(row("3", "", "asthma", "major", "true", "r", "m", "", ""), "missing source"),
                Arguments.of(
                        row("class:fixture-class", "", "heart-failure", "moderate", "false", "r", "m", "s", ""),
                        "duplicate pair class:fixture-class with heart-failure (first at line 2)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRows")
    void aBadRowFailsNamingTheFileAndLine(String bad, String message) {
        KnowledgeLoadException e = catchThrowableOfType(KnowledgeLoadException.class, () -> parse(HEADER + GOOD + bad));
        assertThat(e.file()).isEqualTo("drug-disease.tsv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("drug-disease.tsv:3: ").contains(message);
    }

    @Test
    void aMissingTableOrAShortRowIsReported() {
        KnowledgeLoadException missing = catchThrowableOfType(
                KnowledgeLoadException.class, () -> DrugDiseaseTable.parse(Map.of(), DRUGS, GROUPS));
        assertThat(missing.getMessage()).isEqualTo("drug-disease.tsv: table missing");

        KnowledgeLoadException shortRow = catchThrowableOfType(
                KnowledgeLoadException.class, () -> parse(HEADER + "\n# gap\n" + "3\tasthma\tmajor\n"));
        assertThat(shortRow.line()).isEqualTo(4);
        assertThat(shortRow.getMessage()).contains("expected 9 tab-separated columns but found 3");
    }
}
