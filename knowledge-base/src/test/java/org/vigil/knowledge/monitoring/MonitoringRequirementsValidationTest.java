package org.vigil.knowledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.lab.LabCatalog;

/** Fictional fixture tables: these rows exercise parsing and validation, they are not knowledge. */
class MonitoringRequirementsValidationTest {

    private static final DrugVocabulary DRUGS = DrugVocabulary.load(KnowledgeSource.ofText(Map.of(
            "ingredients.tsv",
            "rxcui\tname\tsynonyms\tsource\tsource_url\n"
                    + "1\talphamycin\t\ttest fixture\t\n"
                    + "2\tbetamycin\t\ttest fixture\t\n"
                    + "3\tgammarin\t\ttest fixture\t\n",
            "clinical-drugs.tsv",
            "rxcui\tname\tingredients\tsource\tsource_url\n",
            "precise-and-multiple-ingredients.tsv",
            "rxcui\ttty\tname\tingredients\tsource\tsource_url\n",
            "drug-classes.tsv",
            "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n"
                    + "mycins\tthe mycins\t1\ttest fixture\t\n"
                    + "mycins\tthe mycins\t2\ttest fixture\t\n",
            "interactions.tsv",
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement"
                    + "\tsource\tsource_url\n",
            "duplicate-therapy.tsv",
            "id\tlabel\tmembers\twith\tsource\tsource_url\n")));

    private static final LabCatalog LABS = LabCatalog.parse(Map.of(
            "lab-analytes.tsv",
            bytes("loinc\tloinc_display\tanalyte\tanalyte_name\tkind\tcanonical_unit\tsource\tsource_url\n"
                    + "2823-3\tPotassium\tpotassium\tPotassium\tlab\tmmol/L\ttest fixture\t\n"
                    + "2160-0\tCreatinine\tcreatinine\tCreatinine\tlab\tmg/dL\ttest fixture\t\n"),
            "lab-units.tsv",
            bytes("analyte\tunit\tcanonical_unit\tfactor\toffset\tsource\tsource_url\n"),
            "lab-limits.tsv",
            bytes("analyte\tpopulation\treference_low\treference_high\tcritical_low\tcritical_high\tsource"
                    + "\tsource_url\n")));

    private static final String HEADER =
            "id\tdrug\tdrug_name\tanalyte\tloinc\ttest_name\tbaseline\tfirst_check\tinterval"
                    + "\tschedule\trationale\tsource\tsource_url\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String row(
            String id,
            String drug,
            String name,
            String analyte,
            String loinc,
            String baseline,
            String firstCheck,
            String interval,
            String source) {
        return String.join(
                        "\t",
                        id,
                        drug,
                        name,
                        analyte,
                        loinc,
                        "a test",
                        baseline,
                        firstCheck,
                        interval,
                        "when",
                        "why",
                        source,
                        "")
                + "\n";
    }

    private static final String GOOD = HEADER
            + "# a comment\n"
            + row("MON-001", "class:mycins", "the mycins", "creatinine", "2160-0", "false", "", "", "s")
            + row("MON-002", "class:mycins", "the mycins", "", "35668-3", "false", "", "P7D", "s")
            + row("MON-003", "3", "gammarin", "potassium", "2823-3", "true", "P7D", "P1M", "s");

    private static MonitoringRequirements parse(String table) {
        return MonitoringRequirements.parse(Map.of(MonitoringRequirements.MONITORING, bytes(table)), DRUGS, LABS);
    }

    @Test
    void theFixtureLoadsAndExpandsTheClassRowsToEachMember() {
        MonitoringRequirements monitoring = parse(GOOD);

        assertThat(monitoring.requirements(1))
                .extracting(MonitoringRequirement::id)
                .containsExactly("MON-001", "MON-002");
        assertThat(monitoring.requirements(2))
                .extracting(MonitoringRequirement::id)
                .containsExactly("MON-001", "MON-002");
        assertThat(monitoring.requirements(3)).singleElement().satisfies(potassium -> {
            assertThat(potassium.baseline()).isTrue();
            assertThat(potassium.catalogAnalyte().orElseThrow().id()).isEqualTo("potassium");
        });
        assertThat(monitoring.requirements(4)).isEmpty();
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(
                        HEADER + row("MON-001", "99", "omegamycin", "", "35668-3", "false", "", "", "s"),
                        2,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        HEADER + row("MON-001", "class:nope", "nope", "", "35668-3", "false", "", "", "s"),
                        2,
                        "unknown drug class 'nope'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "", "35668-4", "false", "", "", "s"),
                        2,
                        "loinc '35668-4' is not a LOINC code with a valid check digit"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "", "gentamicin", "false", "", "", "s"),
                        2,
                        "loinc 'gentamicin' is not a LOINC code"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "potassium", "2160-0", "false", "", "", "s"),
                        2,
                        "loinc 2160-0 is not a code of analyte 'potassium'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "", "2823-3", "false", "", "", "s"),
                        2,
                        "loinc 2823-3 reports catalog analyte 'potassium': fill in column 'analyte'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "lithium", "14334-7", "false", "", "", "s"),
                        2,
                        "unknown analyte (not in lab-analytes.tsv) 'lithium'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "potassium", "2823-3", "false", "", "P0D", "s"),
                        2,
                        "column 'interval' must be a positive period"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "potassium", "2823-3", "false", "monthly", "", "s"),
                        2,
                        "column 'first_check' is not an ISO-8601 period such as P7D: 'monthly'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "potassium", "2823-3", "yes", "", "", "s"),
                        2,
                        "column 'baseline' must be true or false, not 'yes'"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "gammarin", "potassium", "2823-3", "false", "", "", ""),
                        2,
                        "missing source"),
                Arguments.of(
                        GOOD + row("MON-003", "3", "gammarin", "creatinine", "2160-0", "false", "", "", "s"),
                        6,
                        "duplicate id MON-003 (first at line 5)"),
                Arguments.of(
                        GOOD + row("MON-004", "2", "betamycin", "", "35668-3", "false", "", "", "s"),
                        6,
                        "ingredient 2 already requires '35668-3' at line 4"),
                Arguments.of(
                        HEADER + row("MON-001", "3", "the mycins", "potassium", "2823-3", "false", "", "", "s"),
                        2,
                        "column 'drug_name' is 'the mycins' but ingredient 3 is 'gammarin'"),
                Arguments.of(
                        HEADER.replace("\tloinc\t", "\tcode\t")
                                + row("MON-001", "3", "gammarin", "potassium", "2823-3", "false", "", "", "s"),
                        1,
                        "header lacks column 'loinc'"));
    }

    @ParameterizedTest
    @MethodSource("invalidTables")
    void invalidRowsFailWithFileAndLine(String table, int line, String message) {
        KnowledgeLoadException e = catchThrowableOfType(KnowledgeLoadException.class, () -> parse(table));

        assertThat(e).as("expected a load failure").isNotNull();
        assertThat(e.file()).isEqualTo("monitoring.tsv");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith("monitoring.tsv:" + line + ": ").contains(message);
    }
}
