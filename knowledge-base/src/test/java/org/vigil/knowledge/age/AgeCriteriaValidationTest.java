package org.vigil.knowledge.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.BundledKnowledge;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;

/** Fictional fixture rows: they exercise validation, they are not knowledge. */
class AgeCriteriaValidationTest {

    private static final DrugVocabulary DRUGS = BundledKnowledge.fixtureDrugs();
    private static final String HEADER =
            "drug\tdrug_name\tpopulation\tmin_age\tmax_age\taction\trationale\tsource\tsource_url\n";
    private static final String GOOD = "1\talphazepam\tolder-adult\t65\t\tavoid\tsedation\ts\t\n";

    private static String row(String... fields) {
        return String.join("\t", fields) + "\n";
    }

    private static AgeCriteria parse(String text) {
        return AgeCriteria.parse(BundledKnowledge.table(AgeCriteria.AGE_CRITERIA, text), DRUGS);
    }

    @Test
    void aValidTableLoadsAndAClassRowCoversEveryMember() {
        AgeCriteria criteria = parse(HEADER + "# comment\n" + GOOD
                + row("class:fixture-class", "", "pediatric", "", "11", "contraindicated", "breathing", "s", ""));
        assertThat(criteria.criteria(1, 70)).extracting(AgeCriterion::action).containsExactly(AgeAction.AVOID);
        assertThat(criteria.criteria(2, 5)).extracting(AgeCriterion::action).containsExactly(AgeAction.CONTRAINDICATED);
        assertThat(criteria.criteria(3, 5)).isEmpty();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of(
                        row("99", "", "older-adult", "65", "", "avoid", "r", "s", ""), "unknown ingredient rxcui 99"),
                Arguments.of(
                        row("class:nope", "", "older-adult", "65", "", "avoid", "r", "s", ""),
                        "unknown drug class 'nope'"),
                Arguments.of(
                        row("2", "alphazepam", "older-adult", "65", "", "avoid", "r", "s", ""),
                        "ingredient 2 is 'betaprofen'"),
                Arguments.of(
                        row("class:fixture-class", "alphazepam", "older-adult", "65", "", "avoid", "r", "s", ""),
                        "leave it blank for class:fixture-class"),
                Arguments.of(row("2", "", "teenager", "13", "19", "avoid", "r", "s", ""), "population"),
                Arguments.of(
                        row("2", "", "older-adult", "65", "", "forbid", "r", "s", ""),
                        "must be one of contraindicated|avoid|caution"),
                Arguments.of(row("2", "", "older-adult", "", "", "avoid", "r", "s", ""), "needs min_age"),
                Arguments.of(row("2", "", "pediatric", "", "", "avoid", "r", "s", ""), "needs max_age"),
                Arguments.of(row("2", "", "pediatric", "12", "6", "avoid", "r", "s", ""), "age bounds inverted"),
                Arguments.of(row("2", "", "pediatric", "", "twelve", "avoid", "r", "s", ""), "whole years"),
                Arguments.of(row("2", "", "older-adult", "650", "", "avoid", "r", "s", ""), "whole years"),
                Arguments.of(row("2", "", "older-adult", "65", "", "avoid", "", "s", ""), "'rationale' is blank"),
                Arguments.of(row("2", "", "older-adult", "65", "", "avoid", "r", "", ""), "missing source"),
                Arguments.of(
                        row("1", "", "older-adult", "65", "", "caution", "r", "s", ""),
                        "duplicate age criterion for 1 and the same ages (first at line 2)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRows")
    void aBadRowFailsNamingTheFileAndLine(String bad, String message) {
        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> parse(HEADER + GOOD + "# note\n" + bad));
        assertThat(e.file()).isEqualTo("age-criteria.tsv");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("age-criteria.tsv:4: ").contains(message);
    }

    @Test
    void aMissingTableOrColumnIsReported() {
        KnowledgeLoadException missing =
                catchThrowableOfType(KnowledgeLoadException.class, () -> AgeCriteria.parse(Map.of(), DRUGS));
        assertThat(missing.getMessage()).isEqualTo("age-criteria.tsv: table missing");

        KnowledgeLoadException noAction = catchThrowableOfType(
                KnowledgeLoadException.class,
                () -> parse("drug\tdrug_name\tpopulation\tmin_age\tmax_age\trationale\tsource\n"));
        assertThat(noAction.getMessage()).isEqualTo("age-criteria.tsv:1: header lacks column 'action'");
    }
}
