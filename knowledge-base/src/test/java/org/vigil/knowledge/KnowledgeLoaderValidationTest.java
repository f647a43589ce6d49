package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KnowledgeLoaderValidationTest {

    private static final String ING_HEADER = "rxcui\tname\tsynonyms\tsource\tsource_url\n";
    private static final String DRUG_HEADER = "rxcui\tname\tingredients\tsource\tsource_url\n";
    private static final String PIN_MIN_HEADER = "rxcui\ttty\tname\tingredients\tsource\tsource_url\n";
    private static final String PIN_MIN = "precise-and-multiple-ingredients.tsv";
    private static final String CLASS_HEADER = "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n";
    private static final String DDI_HEADER =
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement\tsource\tsource_url\n";

    private static String ddi(
            String id, String left, String right, String severity, String interruptive, String source) {
        return String.join("\t", id, "t", left, right, severity, interruptive, "m", "e", "g", source, "") + "\n";
    }

    private static final String GOOD_DDI = ddi("T-1", "class:substrates", "class:inhibitors", "major", "true", "s");

    @Test
    void theFixtureItselfLoads() {
        KnowledgeSnapshot snapshot = TestTables.load(TestTables.valid());

        assertThat(snapshot.interactions().between(2, 1))
                .extracting(Interaction::id)
                .containsExactly("T-1");
        assertThat(snapshot.drugs().recognize("101", null, null).method())
                .isEqualTo(RecognitionMethod.CLINICAL_DRUG_CODE);
        assertThat(snapshot.drugs().recognize("201", null, null).method())
                .isEqualTo(RecognitionMethod.PRECISE_INGREDIENT_CODE);
        assertThat(snapshot.drugs().recognize("202", null, null).ingredients())
                .extracting(Ingredient::rxcui)
                .containsExactly(1, 2);
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(PIN_MIN, PIN_MIN_HEADER + "201\tSCD\talphastatin sodium\t1\ts\t\n", 2, "tty 'SCD'"),
                Arguments.of(
                        PIN_MIN,
                        PIN_MIN_HEADER + "201\tPIN\talphastatin sodium\t2\ts\t\n",
                        2,
                        "names ingredients [1] but the row lists [2]"),
                Arguments.of(
                        PIN_MIN,
                        PIN_MIN_HEADER + "201\tPIN\talphastatin / betazole\t1,2\ts\t\n",
                        2,
                        "a PIN lists exactly one ingredient"),
                Arguments.of(
                        PIN_MIN, PIN_MIN_HEADER + "202\tMIN\talphastatin\t1\ts\t\n", 2, "a MIN lists at least two"),
                Arguments.of(
                        PIN_MIN,
                        PIN_MIN_HEADER + "202\tMIN\talphastatin / gammazine\t1,2\ts\t\n",
                        2,
                        "name part 'gammazine' is not a known ingredient"),
                Arguments.of(PIN_MIN, PIN_MIN_HEADER + "1\tPIN\talphastatin sodium\t1\ts\t\n", 2, "is an ingredient"),
                Arguments.of(
                        PIN_MIN, PIN_MIN_HEADER + "101\tPIN\talphastatin sodium\t1\ts\t\n", 2, "is a clinical drug"),
                Arguments.of(
                        PIN_MIN,
                        PIN_MIN_HEADER + "201\tPIN\talphastatin sodium\t1\ts\t\n201\tPIN\talphastatin sodium\t1\ts\t\n",
                        3,
                        "duplicate rxcui 201"),
                Arguments.of(PIN_MIN, PIN_MIN_HEADER + "201\tPIN\talphastatin sodium\t1\t\t\n", 2, "missing source"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + "T-1\tt\tclass:substrates\tclass:inhibitors\tmajor\ttrue\tm\te\tg\ts\n",
                        2,
                        "expected 11 tab-separated columns but found 10"),
                Arguments.of(
                        "ingredients.tsv",
                        "# comment\n\n" + ING_HEADER + "1\talphastatin\t\ts\t\textra\n",
                        4,
                        "expected 5 tab-separated columns but found 6"),
                Arguments.of(
                        "drug-classes.tsv",
                        CLASS_HEADER + "substrates\tsubstrates\t1\ts\t\ninhibitors\tinhibitors\t99\ts\t\n",
                        3,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        "clinical-drugs.tsv",
                        DRUG_HEADER + "101\talphastatin 10 MG / gammazine 5 MG Oral Tablet\t1,99\ts\t\n",
                        2,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        "clinical-drugs.tsv",
                        DRUG_HEADER + "101\tbetazole 5 MG Oral Tablet\t1\ts\t\n",
                        2,
                        "names ingredients [2] but the row lists [1]"),
                Arguments.of(
                        "clinical-drugs.tsv",
                        DRUG_HEADER + "2\tbetazole 5 MG Oral Tablet\t2\ts\t\n",
                        2,
                        "rxcui 2 is an ingredient"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "class:substrates", "class:nope", "major", "true", "s"),
                        2,
                        "unknown class 'nope'"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "99", "class:inhibitors", "major", "true", "s"),
                        2,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        "ingredients.tsv",
                        ING_HEADER + "1\talphastatin\t\ts\t\n2\tbetazole\t\ts\t\n1\tdeltazine\t\ts\t\n",
                        4,
                        "duplicate rxcui 1 (first at line 2)"),
                Arguments.of(
                        "ingredients.tsv",
                        ING_HEADER + "1\talphastatin\t\ts\t\n2\tbetazole\tALPHASTATIN\ts\t\n",
                        3,
                        "name 'ALPHASTATIN' already names ingredient 1"),
                Arguments.of(
                        "clinical-drugs.tsv",
                        DRUG_HEADER
                                + "101\talphastatin 10 MG Oral Tablet\t1\ts\t\n101\talphastatin 20 MG Oral Tablet\t1\ts\t\n",
                        3,
                        "duplicate rxcui 101"),
                Arguments.of(
                        "drug-classes.tsv",
                        CLASS_HEADER
                                + "substrates\tsubstrates\t1\ts\t\ninhibitors\tinhibitors\t2\ts\t\nsubstrates\tsubstrates\t1\ts\t\n",
                        4,
                        "duplicate member 1 of class 'substrates'"),
                Arguments.of(
                        "drug-classes.tsv",
                        CLASS_HEADER
                                + "substrates\tsubstrates\t1\ts\t\ninhibitors\tinhibitors\t2\ts\t\nsubstrates\tother name\t3\ts\t\n",
                        4,
                        "class 'substrates' is named 'substrates' at line 2"),
                Arguments.of(
                        "drug-classes.tsv", CLASS_HEADER + "Strong CYP3A4\tx\t1\ts\t\n", 2, "class_id 'Strong CYP3A4'"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + GOOD_DDI + GOOD_DDI,
                        3,
                        "duplicate id 'T-1' (first at line 2)"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "class:substrates", "class:inhibitors", "major", "true", " "),
                        2,
                        "missing source"),
                Arguments.of("ingredients.tsv", ING_HEADER + "1\talphastatin\t\t\t\n", 2, "missing source"),
                Arguments.of(
                        "drug-classes.tsv",
                        "class_id\tclass_name\tmember_rxcui\n substrates\tsubstrates\t1\n",
                        1,
                        "header lacks column 'source'"),
                Arguments.of(
                        "ingredients.tsv",
                        ING_HEADER + "1\talphastatin\t\ts\tftp://example.org\n",
                        2,
                        "source_url is not an http(s) URL"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "class:substrates", "class:inhibitors", "severe", "true", "s"),
                        2,
                        "severity 'severe' is not one of contraindicated|major|moderate|minor"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "class:substrates", "class:inhibitors", "MAJOR", "true", "s"),
                        2,
                        "severity 'MAJOR'"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "class:substrates", "class:inhibitors", "major", "yes", "s"),
                        2,
                        "column 'interruptive' must be true or false, not 'yes'"),
                Arguments.of(
                        "interactions.tsv",
                        DDI_HEADER + ddi("T-1", "1", "1", "major", "true", "s"),
                        2,
                        "no pair of distinct ingredients"),
                Arguments.of(
                        "ingredients.tsv",
                        ING_HEADER + "abc\talphastatin\t\ts\t\n",
                        2,
                        "column 'rxcui' is not a positive RxCUI: 'abc'"),
                Arguments.of(
                        "ingredients.tsv",
                        ING_HEADER + "-5\talphastatin\t\ts\t\n",
                        2,
                        "column 'rxcui' is not a positive RxCUI: '-5'"),
                Arguments.of("ingredients.tsv", "# only comments\n", 0, "no header line"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("invalidTables")
    void rejectsInvalidTablesNamingFileAndLine(String table, String content, int line, String problem) {
        KnowledgeLoadException error = catchThrowableOfType(
                KnowledgeLoadException.class, () -> TestTables.load(TestTables.with(table, content)));

        assertThat(error).as("expected a load failure").isNotNull();
        assertThat(error.file()).isEqualTo(table);
        assertThat(error.line()).isEqualTo(line);
        String where = line > 0 ? table + ":" + line + ": " : table + ": ";
        assertThat(error.getMessage()).startsWith(where).contains(problem);
    }

    @Test
    void rejectsAMissingTable() {
        Map<String, String> tables = TestTables.valid();
        tables.remove("drug-classes.tsv");

        assertThatThrownBy(() -> TestTables.load(tables))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("drug-classes.tsv: table missing from memory");
    }

    @Test
    void rejectsInvalidUtf8OnItsLine() {
        Map<String, byte[]> tables = new HashMap<>();
        TestTables.valid().forEach((name, text) -> tables.put(name, text.getBytes(StandardCharsets.UTF_8)));
        byte[] ingredients = (ING_HEADER + "1\talphastatin\t\ts\t\n2\tbeta?\t\ts\t\n").getBytes(StandardCharsets.UTF_8);
        ingredients[ingredients.length - 9] = (byte) 0xC3; // a lead byte with no continuation
        tables.put("ingredients.tsv", ingredients);

        assertThatThrownBy(() -> KnowledgeSnapshot.load(KnowledgeSource.ofBytes(tables)))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("ingredients.tsv:3: not valid UTF-8");
    }

    @Test
    void acceptsCrlfLineEndingsAByteOrderMarkAndUnknownExtraColumns() {
        String ingredients = "\uFEFFrxcui\tname\tsynonyms\tsource\tsource_url\tatc\r\n"
                + "1\talphastatin\t\ts\t\tC10\r\n2\tbetazole\t\ts\t\tJ02\r\n";
        KnowledgeSnapshot snapshot = TestTables.load(TestTables.with("ingredients.tsv", ingredients));

        assertThat(snapshot.drugs().ingredient(2)).map(Ingredient::name).contains("betazole");
    }
}
