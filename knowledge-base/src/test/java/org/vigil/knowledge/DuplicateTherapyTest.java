package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateTherapyTest {

    private static final int SIMVASTATIN = 36567;
    private static final int ATORVASTATIN = 83367;
    private static final int LISINOPRIL = 29046;
    private static final int ENALAPRIL = 3827;
    private static final int LOSARTAN = 52175;
    private static final int VALSARTAN = 69749;
    private static final int OMEPRAZOLE = 7646;
    private static final int PANTOPRAZOLE = 40790;
    private static final int SERTRALINE = 36437;
    private static final int FLUOXETINE = 4493;
    private static final int DULOXETINE = 72625;
    private static final int IBUPROFEN = 5640;
    private static final int NAPROXEN = 7258;
    private static final int ASPIRIN = 1191;
    private static final int OXYCODONE = 7804;
    private static final int MORPHINE = 7052;
    private static final int DIAZEPAM = 3322;
    private static final int ACETAMINOPHEN = 161;

    private final DuplicateTherapy duplicates =
            KnowledgeSnapshot.bundled().drugs().duplicateTherapy();

    private Optional<String> idBetween(int a, int b) {
        return duplicates.between(a, b).map(TherapeuticDuplication::id);
    }

    static Stream<Arguments> duplicatedPairs() {
        return Stream.of(
                Arguments.of("two statins", SIMVASTATIN, ATORVASTATIN, "DTH-004"),
                Arguments.of("ACE inhibitor with ARB", LISINOPRIL, LOSARTAN, "DTH-001"),
                Arguments.of("two ACE inhibitors", LISINOPRIL, ENALAPRIL, "DTH-002"),
                Arguments.of("two ARBs", LOSARTAN, VALSARTAN, "DTH-003"),
                Arguments.of("two PPIs", OMEPRAZOLE, PANTOPRAZOLE, "DTH-005"),
                Arguments.of("two SSRIs", SERTRALINE, FLUOXETINE, "DTH-006"),
                Arguments.of("SSRI with SNRI", SERTRALINE, DULOXETINE, "DTH-007"),
                Arguments.of("two NSAIDs", IBUPROFEN, NAPROXEN, "DTH-008"),
                Arguments.of("two opioids", OXYCODONE, MORPHINE, "DTH-009"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicatedPairs")
    void flagsTwoDifferentDrugsDoingTheSameJobInEitherOrder(String what, int a, int b, String id) {
        assertThat(idBetween(a, b)).as(what).contains(id);
        assertThat(idBetween(b, a)).as(what + ", reversed").contains(id);
    }

    @Test
    void aceInhibitorWithArbIsReportedAsTheCrossClassRowNotAsEitherSameClassRow() {
        TherapeuticDuplication row = duplicates.between(ENALAPRIL, VALSARTAN).orElseThrow();

        assertThat(row.id()).isEqualTo("DTH-001");
        assertThat(row.label()).isEqualTo("ACE inhibitor with an ARB");
        assertThat(row.citation().text()).contains("dual blockade");
    }

    @Test
    void leavesDifferentJobsAndLowDoseAspirinAlone() {
        assertThat(duplicates.between(SIMVASTATIN, LISINOPRIL)).isEmpty();
        assertThat(duplicates.between(OXYCODONE, DIAZEPAM))
                .as("an interaction, not a duplication")
                .isEmpty();
        assertThat(duplicates.between(ASPIRIN, IBUPROFEN))
                .as("aspirin is not in the NSAID duplicate class")
                .isEmpty();
        assertThat(duplicates.between(ACETAMINOPHEN, OXYCODONE)).isEmpty();
    }

    @Test
    void theSameIngredientTwiceIsLeftToIngredientIdentity() {
        assertThat(duplicates.between(SIMVASTATIN, SIMVASTATIN)).isEmpty();
        assertThat(duplicates.between(ACETAMINOPHEN, ACETAMINOPHEN)).isEmpty();
    }

    @Test
    void ignoresCodesThatCannotBeIngredients() {
        assertThat(duplicates.between(0, SIMVASTATIN)).isEmpty();
        assertThat(duplicates.between(-SIMVASTATIN, -ATORVASTATIN)).isEmpty();
        assertThat(duplicates.between(999_999_999, SIMVASTATIN)).isEmpty();
    }

    @Test
    void aLookupHandsBackASharedAnswerInsteadOfAllocating() {
        Optional<TherapeuticDuplication> first = duplicates.between(SIMVASTATIN, ATORVASTATIN);

        assertThat(duplicates.between(ATORVASTATIN, SIMVASTATIN)).isSameAs(first);
        assertThat(duplicates.between(SIMVASTATIN, 301542)).isSameAs(first); // rosuvastatin, same row
    }

    @Test
    void theVocabularyAnswersTheSameQuestion() {
        DrugVocabulary drugs = KnowledgeSnapshot.bundled().drugs();

        assertThat(drugs.duplicationBetween(LISINOPRIL, LOSARTAN)).isEqualTo(duplicates.between(LISINOPRIL, LOSARTAN));
    }

    @Test
    void everyRowExpandsToPairsAndCitesASource() {
        assertThat(duplicates.rows()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(duplicates.pairCount()).isGreaterThan(duplicates.rows().size());
        assertThat(duplicates.rows()).allSatisfy(row -> {
            assertThat(row.id()).matches("DTH-\\d{3}");
            assertThat(row.citation().text()).isNotBlank();
        });
        assertThat(duplicates.byId("DTH-004"))
                .map(TherapeuticDuplication::label)
                .contains("two statins");
        assertThat(duplicates.byId("DTH-999")).isEmpty();
    }

    private static final String HEADER = "id\tlabel\tmembers\twith\tsource\tsource_url\n";

    @Test
    void aPairCoveredByTwoRowsKeepsTheFirst() {
        String table = HEADER
                + "TD-1\tsubstrate with inhibitor\tclass:substrates\tclass:inhibitors\tfirst source\t\n"
                + "TD-2\tany two\t1\t2\tsecond source\t\n";
        DuplicateTherapy loaded = TestTables.load(TestTables.with("duplicate-therapy.tsv", table))
                .drugs()
                .duplicateTherapy();

        assertThat(loaded.between(2, 1)).map(TherapeuticDuplication::id).contains("TD-1");
        assertThat(loaded.rows()).extracting(TherapeuticDuplication::id).containsExactly("TD-1", "TD-2");
        assertThat(loaded.pairCount()).isEqualTo(1);
    }

    @Test
    void aBlankWithMeansTwoDifferentMembersOfTheSameClass() {
        String classes = "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n"
                + "pair\tpair\t1\ts\t\npair\tpair\t2\ts\t\npair\tpair\t3\ts\t\n";
        Map<String, String> tables = TestTables.with("drug-classes.tsv", classes);
        tables.put(
                "interactions.tsv",
                "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\t"
                        + "management\tsource\nT-1\tt\t1\t2\tminor\tfalse\tm\te\tg\ts\n");
        tables.put("duplicate-therapy.tsv", HEADER + "TD-1\ttwo of a pair\tclass:pair\t\ts\t\n");
        DuplicateTherapy loaded = TestTables.load(tables).drugs().duplicateTherapy();

        assertThat(loaded.between(1, 3)).isPresent();
        assertThat(loaded.between(3, 2)).isPresent();
        assertThat(loaded.between(2, 2)).isEmpty();
        assertThat(loaded.pairCount()).isEqualTo(3);
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(
                        HEADER + "TD-1\tx\tclass:nope\t\ts\t\n", 2, "column 'members' refers to unknown class 'nope'"),
                Arguments.of(
                        HEADER + "TD-1\tx\t1\t99\ts\t\n", 2, "column 'with' refers to unknown ingredient rxcui 99"),
                Arguments.of(HEADER + "TD-1\tx\t1\t\ts\t\n", 2, "no pair of distinct ingredients"),
                Arguments.of(
                        HEADER + "TD-1\tx\t1\t2\ts\t\nTD-1\ty\t1\t2\ts\t\n",
                        3,
                        "duplicate id 'TD-1' (first at line 2)"),
                Arguments.of(HEADER + "TD-1\tx\t1\t2\t\t\n", 2, "missing source"),
                Arguments.of(HEADER + "TD-1\t\t1\t2\ts\t\n", 2, "column 'label' is blank"),
                Arguments.of("id\tlabel\tmembers\tsource\nTD-1\tx\t1\ts\n", 1, "header lacks column 'with'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidTables")
    void rejectsInvalidRowsNamingFileAndLine(String table, int line, String problem) {
        KnowledgeLoadException error = catchThrowableOfType(
                KnowledgeLoadException.class, () -> TestTables.load(TestTables.with("duplicate-therapy.tsv", table)));

        assertThat(error).as("expected a load failure").isNotNull();
        assertThat(error.file()).isEqualTo("duplicate-therapy.tsv");
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.getMessage())
                .startsWith("duplicate-therapy.tsv:" + line + ": ")
                .contains(problem);
    }
}
