package org.vigil.knowledge.allergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;

/** Fictional fixture tables: these rows exercise parsing and validation, they are not knowledge. */
class AllergyKnowledgeValidationTest {

    private static final DrugVocabulary DRUGS = DrugVocabulary.load(KnowledgeSource.ofText(Map.of(
            "ingredients.tsv",
            "rxcui\tname\tsynonyms\tsource\tsource_url\n"
                    + "1\talphacillin\t\ttest fixture\t\n"
                    + "2\tbetacillin\t\ttest fixture\t\n"
                    + "3\tgammazole\t\ttest fixture\t\n",
            "clinical-drugs.tsv",
            "rxcui\tname\tingredients\tsource\tsource_url\n",
            "precise-and-multiple-ingredients.tsv",
            "rxcui\ttty\tname\tingredients\tsource\tsource_url\n",
            "drug-classes.tsv",
            "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n",
            "interactions.tsv",
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement"
                    + "\tsource\tsource_url\n",
            "duplicate-therapy.tsv",
            "id\tlabel\tmembers\twith\tsource\tsource_url\n")));

    private static final String CS_HEADER =
            "group_id\tgroup_name\tlevel\tbasis\tmember_rxcui\tmember_name\tsource\tsource_url\n";
    private static final String AL_HEADER = "system\tcode\tdisplay\tmeans\tsource\tsource_url\n";
    private static final String SCT = AllergyKnowledge.SNOMED_CT;

    private static String member(String group, String level, int rxcui, String name, String source) {
        String rx = String.valueOf(rxcui);
        return String.join("\t", group, group + " name", level, "shared structure", rx, name, source, "") + "\n";
    }

    private static String allergen(String code, String means, String source) {
        return String.join("\t", SCT, code, "Something (substance)", means, source, "") + "\n";
    }

    private static final String GOOD_CS = CS_HEADER
            + "# a comment\n"
            + member("cillins", "high", 1, "alphacillin", "s")
            + member("cillins", "high", 2, "betacillin", "s");

    private static final String GOOD_AL =
            AL_HEADER + allergen("100000001", "group:cillins", "s") + allergen("100000002", "rxcui:3", "s");

    private static Map<String, String> tables(String crossSensitivity, String allergens) {
        Map<String, String> tables = new HashMap<>();
        tables.put(AllergyKnowledge.CROSS_SENSITIVITY, crossSensitivity);
        tables.put(AllergyKnowledge.ALLERGENS, allergens);
        return tables;
    }

    private static AllergyKnowledge load(Map<String, String> tables) {
        return AllergyKnowledge.load(KnowledgeSource.ofText(tables), DRUGS);
    }

    @Test
    void theFixtureItselfLoads() {
        AllergyKnowledge allergy = load(tables(GOOD_CS, GOOD_AL));

        assertThat(allergy.allergen(SCT, "100000001")).containsExactlyInAnyOrder(1, 2);
        assertThat(allergy.allergen(SCT, "100000002")).containsExactly(3);
        assertThat(allergy.crossSensitivities(1, 2))
                .extracting(cs -> cs.group().id())
                .containsExactly("cillins");
        assertThat(allergy.crossSensitivities(1, 3)).isEmpty();
        assertThat(AllergyKnowledge.FILES).containsExactly("cross-sensitivity.tsv", "allergens.tsv");
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(
                        tables(
                                CS_HEADER
                                        + member("cillins", "high", 1, "alphacillin", "s")
                                        + member("cillins", "high", 99, "omegacillin", "s"),
                                GOOD_AL),
                        "cross-sensitivity.tsv",
                        3,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        tables(GOOD_CS, AL_HEADER + allergen("100000001", "group:nope", "s")),
                        "allergens.tsv",
                        2,
                        "unknown group 'nope'"),
                Arguments.of(
                        tables(GOOD_CS, AL_HEADER + allergen("100000001", "rxcui:99", "s")),
                        "allergens.tsv",
                        2,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        tables(CS_HEADER + member("cillins", "severe", 1, "alphacillin", "s"), GOOD_AL),
                        "cross-sensitivity.tsv",
                        2,
                        "column 'level' must be one of high|moderate|low, not 'severe'"),
                Arguments.of(
                        tables(GOOD_CS.replace("betacillin\ts\t", "betacillin\t\t"), GOOD_AL),
                        "cross-sensitivity.tsv",
                        4,
                        "missing source"),
                Arguments.of(
                        tables(GOOD_CS, AL_HEADER + allergen("100000001", "rxcui:3", "")),
                        "allergens.tsv",
                        2,
                        "missing source"),
                Arguments.of(
                        tables(
                                CS_HEADER
                                        + member("cillins", "high", 1, "alphacillin", "s")
                                        + member("cillins", "low", 2, "betacillin", "s"),
                                GOOD_AL),
                        "cross-sensitivity.tsv",
                        3,
                        "group 'cillins' has level 'high' at line 2 but 'low' here"),
                Arguments.of(
                        tables(
                                CS_HEADER
                                        + member("cillins", "high", 1, "alphacillin", "s")
                                        + member("cillins", "high", 2, "gammazole", "s"),
                                GOOD_AL),
                        "cross-sensitivity.tsv",
                        3,
                        "member_name 'gammazole' does not match ingredient 2 'betacillin'"),
                Arguments.of(
                        tables(GOOD_CS + member("cillins", "high", 2, "betacillin", "s"), GOOD_AL),
                        "cross-sensitivity.tsv",
                        5,
                        "duplicate member 2 of group 'cillins'"),
                Arguments.of(
                        tables(GOOD_CS + member("lonely", "low", 3, "gammazole", "s"), GOOD_AL),
                        "cross-sensitivity.tsv",
                        5,
                        "group 'lonely' has a single member"),
                Arguments.of(
                        tables(CS_HEADER + member("Cillins", "high", 1, "alphacillin", "s"), GOOD_AL),
                        "cross-sensitivity.tsv",
                        2,
                        "group_id 'Cillins' must be lower-case"),
                Arguments.of(
                        tables(GOOD_CS, AL_HEADER + allergen("100000001", "cillins", "s")),
                        "allergens.tsv",
                        2,
                        "must be rxcui:<ingredient> or group:<group_id>, not 'cillins'"),
                Arguments.of(
                        tables(GOOD_CS, GOOD_AL + allergen("100000001", "rxcui:3", "s")),
                        "allergens.tsv",
                        4,
                        "duplicate code 100000001"),
                Arguments.of(
                        tables(GOOD_CS, AL_HEADER + allergen("ABC-1", "rxcui:3", "s")),
                        "allergens.tsv",
                        2,
                        "code 'ABC-1' is not a SNOMED CT identifier"),
                Arguments.of(
                        tables(
                                GOOD_CS,
                                AL_HEADER.replace("means\t", "meaning\t") + allergen("100000001", "rxcui:3", "s")),
                        "allergens.tsv",
                        1,
                        "header lacks column 'means'"));
    }

    @ParameterizedTest
    @MethodSource("invalidTables")
    void invalidRowsFailWithFileAndLine(Map<String, String> tables, String file, int line, String message) {
        KnowledgeLoadException e = catchThrowableOfType(KnowledgeLoadException.class, () -> load(tables));

        assertThat(e).as("expected a load failure").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
    }

    @Test
    void aMissingTableIsNamed() {
        Map<String, String> onlyGroups = new HashMap<>();
        onlyGroups.put(AllergyKnowledge.CROSS_SENSITIVITY, GOOD_CS);

        KnowledgeLoadException e = catchThrowableOfType(KnowledgeLoadException.class, () -> load(onlyGroups));

        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo("allergens.tsv");
        assertThat(e.getMessage()).contains("table missing");
    }
}
