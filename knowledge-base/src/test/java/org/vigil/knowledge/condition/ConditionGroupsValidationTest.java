package org.vigil.knowledge.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;

/**
 * Loader checks on small fictional tables. The SNOMED CT ids below are real concept ids (their
 * check digits must be valid), but the groups are test fixtures, not knowledge.
 */
class ConditionGroupsValidationTest {

    private static final String FILE = "condition-groups.tsv";
    private static final String HEADER = "group_id\tgroup_name\tsystem\tcode\tmatch\tdisplay\tsource\tsource_url\n";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String SNOMED = "http://snomed.info/sct";

    private static String row(String group, String name, String system, String code, String match, String source) {
        return String.join("\t", group, name, system, code, match, "", source, "") + "\n";
    }

    private static ConditionGroups load(String table) {
        return ConditionGroups.load(KnowledgeSource.ofText(Map.of(FILE, table)));
    }

    @Test
    void aCodeMayBelongToSeveralGroupsAndIsFoundInAllOfThem() {
        ConditionGroups groups = load("# fixture\n" + HEADER
                + row("kidney-any", "any kidney", "icd10cm", "N18", "prefix", "s")
                + row("kidney-4", "stage 4", "icd10cm", "N18.4", "exact", "s")
                + row("kidney-4", "stage 4", "snomed", "431857002", "exact", "s")
                + row("kidney-any", "any kidney", "snomed", "431857002", "exact", "s2"));

        assertThat(groups.groupsOf(ICD10CM, "N18.4")).containsExactlyInAnyOrder("kidney-any", "kidney-4");
        assertThat(groups.groupsOf(ICD10CM, "N18.5")).containsExactly("kidney-any");
        assertThat(groups.groupsOf(SNOMED, "431857002")).containsExactlyInAnyOrder("kidney-any", "kidney-4");
        assertThat(groups.matches(ICD10CM, "N18.4"))
                .extracting(ConditionCode::code)
                .containsExactly("N18.4", "N18");
        assertThat(groups.group("kidney-any").orElseThrow().citations())
                .extracting(citation -> citation.text())
                .containsExactly("s", "s2");
    }

    @Test
    void anExactIcd10cmRowDoesNotCoverTheCodesBelowIt() {
        ConditionGroups groups = load(HEADER + row("g", "g", "icd10cm", "N18.3", "exact", "s"));

        assertThat(groups.groupsOf(ICD10CM, "N18.3")).containsExactly("g");
        assertThat(groups.groupsOf(ICD10CM, "N18.31")).isEmpty();
    }

    static Stream<Arguments> invalidTables() {
        String good = row("g", "g", "icd10cm", "I50", "prefix", "s");
        return Stream.of(
                Arguments.of(good + row("g", "g", "loinc", "2160-0", "exact", "s"), 3, "unknown code system 'loinc'"),
                Arguments.of(row("g", "g", "icd10cm", "I5022", "prefix", "s"), 2, "malformed ICD-10-CM code 'I5022'"),
                Arguments.of(row("g", "g", "icd10cm", "i50.22", "exact", "s"), 2, "malformed ICD-10-CM code 'i50.22'"),
                Arguments.of(row("g", "g", "icd10cm", "I50.22222", "exact", "s"), 2, "malformed ICD-10-CM code"),
                Arguments.of(row("g", "g", "snomed", "84114007", "prefix", "s"), 2, "must match exact"),
                Arguments.of(row("g", "g", "snomed", "84141007", "exact", "s"), 2, "fails its Verhoeff check digit"),
                Arguments.of(row("g", "g", "snomed", "3012349012", "exact", "s"), 2, "is not a concept id"),
                Arguments.of(row("g", "g", "snomed", "08411400", "exact", "s"), 2, "malformed SNOMED CT concept id"),
                Arguments.of(good + good, 3, "duplicate icd10cm code I50 in group 'g' (first at line 2)"),
                Arguments.of(
                        good + row("g", "g", "icd10cm", "I50", "exact", "s"),
                        3,
                        "duplicate icd10cm code I50 in group 'g' (first at line 2)"),
                Arguments.of(
                        good + row("g", "other name", "icd10cm", "J45", "prefix", "s"),
                        3,
                        "group 'g' is named 'g' at line 2 but 'other name' here"),
                Arguments.of(
                        good + row("g", "g", "icd10cm", "I50.22", "exact", "s"), 3, "already covered by prefix I50"),
                Arguments.of(
                        row("g", "g", "icd10cm", "I50.22", "exact", "s") + good, 3, "already covered by prefix I50"),
                Arguments.of(row("g", "g", "icd10cm", "I50", "prefix", " "), 2, "missing source"),
                Arguments.of(row("Heart Failure", "g", "icd10cm", "I50", "prefix", "s"), 2, "group_id 'Heart Failure'"),
                Arguments.of(row("g", "g", "icd10cm", "I50", "fuzzy", "s"), 2, "must be exact or prefix, not 'fuzzy'"),
                Arguments.of(row("g", "g", "icd10cm", "I50", "PREFIX", "s"), 2, "must be exact or prefix"),
                Arguments.of(row("g", "", "icd10cm", "I50", "prefix", "s"), 2, "column 'group_name' is blank"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("invalidTables")
    void rejectsAnInvalidRowNamingFileAndLine(String rows, int line, String problem) {
        KnowledgeLoadException error = catchThrowableOfType(KnowledgeLoadException.class, () -> load(HEADER + rows));

        assertThat(error).as("expected a load failure").isNotNull();
        assertThat(error.file()).isEqualTo(FILE);
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.getMessage()).startsWith(FILE + ":" + line + ": ").contains(problem);
    }

    @Test
    void rejectsAHeaderWithoutTheMatchColumn() {
        assertThatThrownBy(() -> load("group_id\tgroup_name\tsystem\tcode\tsource\ng\tg\ticd10cm\tI50\ts\n"))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage(FILE + ":1: header lacks column 'match'");
    }

    @Test
    void rejectsAMissingTable() {
        assertThatThrownBy(() -> ConditionGroups.load(KnowledgeSource.ofText(Map.of())))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage(FILE + ": table missing from memory");
    }

    @Test
    void theVerhoeffCheckAcceptsRealConceptIdsAndCatchesTypos() {
        assertThat(ConditionGroups.verhoeffValid("84114007")).isTrue();
        assertThat(ConditionGroups.verhoeffValid("195967001")).isTrue();
        assertThat(ConditionGroups.verhoeffValid("153941000119100")).isTrue();
        assertThat(ConditionGroups.verhoeffValid("84114070"))
                .as("last two digits swapped")
                .isFalse();
        assertThat(ConditionGroups.verhoeffValid("84141007"))
                .as("adjacent digits swapped")
                .isFalse();
        assertThat(ConditionGroups.verhoeffValid("84114017"))
                .as("one digit wrong")
                .isFalse();
    }

    @Test
    void theFilesListNamesTheTable() {
        assertThat(ConditionGroups.FILES).containsExactly(FILE);
    }
}
