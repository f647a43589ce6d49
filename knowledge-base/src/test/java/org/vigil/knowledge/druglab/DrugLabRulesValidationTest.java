package org.vigil.knowledge.druglab;

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
class DrugLabRulesValidationTest {

    static final DrugVocabulary DRUGS = DrugVocabulary.load(KnowledgeSource.ofText(Map.of(
            "ingredients.tsv",
            "rxcui\tname\tsynonyms\tsource\tsource_url\n"
                    + "1\talphaparin\t\ttest fixture\t\n"
                    + "2\tbetaparin\t\ttest fixture\t\n"
                    + "3\tgammoxin\t\ttest fixture\t\n",
            "clinical-drugs.tsv",
            "rxcui\tname\tingredients\tsource\tsource_url\n",
            "precise-and-multiple-ingredients.tsv",
            "rxcui\ttty\tname\tingredients\tsource\tsource_url\n",
            "drug-classes.tsv",
            "class_id\tclass_name\tmember_rxcui\tsource\tsource_url\n"
                    + "parins\tthe parins\t1\ttest fixture\t\n"
                    + "parins\tthe parins\t2\ttest fixture\t\n",
            "interactions.tsv",
            "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement"
                    + "\tsource\tsource_url\n",
            "duplicate-therapy.tsv",
            "id\tlabel\tmembers\twith\tsource\tsource_url\n")));

    static final LabCatalog LABS = LabCatalog.parse(Map.of(
            "lab-analytes.tsv",
            bytes("loinc\tloinc_display\tanalyte\tanalyte_name\tkind\tcanonical_unit\tsource\tsource_url\n"
                    + "2823-3\tPotassium\tpotassium\tPotassium\tlab\tmmol/L\ttest fixture\t\n"
                    + "777-3\tPlatelets\tplatelets\tPlatelet count\tlab\t10*9/L\ttest fixture\t\n"),
            "lab-units.tsv",
            bytes("analyte\tunit\tcanonical_unit\tfactor\toffset\tsource\tsource_url\n"),
            "lab-limits.tsv",
            bytes("analyte\tpopulation\treference_low\treference_high\tcritical_low\tcritical_high\tsource"
                    + "\tsource_url\n")));

    private static final String HEADER = "id\tdrug\tdrug_name\tanalyte\tcomparator\tthreshold\tunit\tlookback\tseverity"
            + "\tinterruptive\trationale\tmanagement\tsource\tsource_url\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String row(
            String id,
            String drug,
            String name,
            String analyte,
            String comparator,
            String threshold,
            String unit,
            String lookback,
            String severity,
            String source) {
        return String.join(
                        "\t",
                        id,
                        drug,
                        name,
                        analyte,
                        comparator,
                        threshold,
                        unit,
                        lookback,
                        severity,
                        "false",
                        "why",
                        "what to do",
                        source,
                        "")
                + "\n";
    }

    private static final String GOOD = HEADER
            + "# a comment\n"
            + row("DLB-001", "class:parins", "the parins", "platelets", "<", "100", "10*9/L", "", "major", "s")
            + row("DLB-002", "3", "gammoxin", "potassium", "<=", "3.5", "mmol/L", "P365D", "moderate", "s");

    private static DrugLabRules parse(String table) {
        return DrugLabRules.parse(Map.of(DrugLabRules.DRUG_LAB, bytes(table)), DRUGS, LABS);
    }

    @Test
    void theFixtureLoadsAndExpandsTheClassRowToEachMember() {
        DrugLabRules rules = parse(GOOD);

        assertThat(rules.rules(1)).extracting(DrugLabRule::id).containsExactly("DLB-001");
        assertThat(rules.rules(2)).extracting(DrugLabRule::id).containsExactly("DLB-001");
        assertThat(rules.rules(3)).extracting(DrugLabRule::id).containsExactly("DLB-002");
        assertThat(rules.rules(4)).isEmpty();
        assertThat(rules.all()).hasSize(2);
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of(
                        HEADER
                                + row(
                                        "DLB-001",
                                        "99",
                                        "omegaparin",
                                        "platelets",
                                        "<",
                                        "100",
                                        "10*9/L",
                                        "",
                                        "major",
                                        "s"),
                        2,
                        "unknown ingredient rxcui 99"),
                Arguments.of(
                        HEADER
                                + row(
                                        "DLB-001",
                                        "class:nope",
                                        "nope",
                                        "platelets",
                                        "<",
                                        "100",
                                        "10*9/L",
                                        "",
                                        "major",
                                        "s"),
                        2,
                        "unknown drug class 'nope'"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "gammoxin", "troponin", ">", "1", "ng/mL", "", "major", "s"),
                        2,
                        "unknown analyte (not in lab-analytes.tsv) 'troponin'"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "gammoxin", "potassium", "<", "3.5", "mEq/L", "", "major", "s"),
                        2,
                        "unit 'mEq/L' is not the canonical unit of analyte 'potassium' ('mmol/L')"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "gammoxin", "potassium", "=<", "3.5", "mmol/L", "", "major", "s"),
                        2,
                        "comparator (use <, <=, > or >=) '=<'"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "gammoxin", "potassium", "<", "low", "mmol/L", "", "major", "s"),
                        2,
                        "column 'threshold' is not a number: 'low'"),
                Arguments.of(
                        GOOD + row("DLB-002", "1", "alphaparin", "potassium", ">", "5.5", "mmol/L", "", "major", "s"),
                        5,
                        "duplicate id DLB-002 (first at line 4)"),
                Arguments.of(
                        GOOD.replace(
                                "P365D\tmoderate\tfalse\twhy\twhat to do\ts\t",
                                "P365D\tmoderate\tfalse\twhy\twhat to do\t\t"),
                        4,
                        "missing source"),
                Arguments.of(
                        HEADER
                                + row(
                                        "DLB-001",
                                        "3",
                                        "gammoxin",
                                        "potassium",
                                        "<",
                                        "3.5",
                                        "mmol/L",
                                        "7 days",
                                        "major",
                                        "s"),
                        2,
                        "column 'lookback' is not an ISO-8601 period such as P7D: '7 days'"),
                Arguments.of(
                        HEADER
                                + row(
                                        "DLB-001",
                                        "3",
                                        "gammoxin",
                                        "potassium",
                                        "<",
                                        "3.5",
                                        "mmol/L",
                                        "P0D",
                                        "major",
                                        "s"),
                        2,
                        "column 'lookback' must be a positive period"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "gammoxin", "potassium", "<", "3.5", "mmol/L", "", "severe", "s"),
                        2,
                        "column 'severity' must be one of contraindicated|major|moderate|minor, not 'severe'"),
                Arguments.of(
                        HEADER + row("DLB-001", "3", "alphaparin", "potassium", "<", "3.5", "mmol/L", "", "major", "s"),
                        2,
                        "column 'drug_name' is 'alphaparin' but ingredient 3 is 'gammoxin'"),
                Arguments.of(
                        GOOD + row("DLB-003", "2", "betaparin", "platelets", "<=", "50", "10*9/L", "", "major", "s"),
                        5,
                        "ingredient 2 already has a low 'platelets' rule at line 3"),
                Arguments.of(
                        HEADER + row("DLB-1", "3", "gammoxin", "potassium", "<", "3.5", "mmol/L", "", "major", "s"),
                        2,
                        "id 'DLB-1' must look like DLB-001"),
                Arguments.of(
                        HEADER.replace("\tunit\t", "\tunits\t")
                                + row("DLB-001", "3", "gammoxin", "potassium", "<", "3.5", "mmol/L", "", "major", "s"),
                        1,
                        "header lacks column 'unit'"));
    }

    @ParameterizedTest
    @MethodSource("invalidTables")
    void invalidRowsFailWithFileAndLine(String table, int line, String message) {
        KnowledgeLoadException e = catchThrowableOfType(KnowledgeLoadException.class, () -> parse(table));

        assertThat(e).as("expected a load failure").isNotNull();
        assertThat(e.file()).isEqualTo("drug-lab.tsv");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith("drug-lab.tsv:" + line + ": ").contains(message);
    }

    @Test
    void aHighAndALowRuleOnOneAnalyteMayCoexist() {
        DrugLabRules rules =
                parse(GOOD + row("DLB-003", "3", "gammoxin", "potassium", ">", "5.5", "mmol/L", "", "major", "s"));

        assertThat(rules.rules(3)).extracting(DrugLabRule::id).containsExactly("DLB-002", "DLB-003");
    }

    @Test
    void aMissingTableIsNamed() {
        KnowledgeLoadException e =
                catchThrowableOfType(KnowledgeLoadException.class, () -> DrugLabRules.parse(Map.of(), DRUGS, LABS));

        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo("drug-lab.tsv");
        assertThat(e.getMessage()).contains("table missing");
    }
}
