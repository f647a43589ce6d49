package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped vocabulary and classes, checked against what a pharmacist expects of them. */
class DrugClassContentTest {

    private final DrugVocabulary drugs = KnowledgeSnapshot.bundled().drugs();

    static Stream<Arguments> orderedDrugs() {
        return Stream.of(
                Arguments.of("Sertraline Hydrochloride 50 MG Oral Tablet", 36437),
                Arguments.of("Losartan Potassium 50 MG Oral Tablet", 52175),
                Arguments.of("Metoprolol Succinate 25 MG Extended Release Oral Tablet", 6918),
                Arguments.of("ceftriaxone 1000 MG Injection", 2193),
                Arguments.of("Methylene Blue 10 MG/ML Injectable Solution", 6878),
                Arguments.of("Oxymorphone Hydrochloride 5 MG Oral Tablet", 7814),
                Arguments.of("Warfarin Sodium 5 MG Oral Tablet", 11289));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderedDrugs")
    void recognisesCommonOrdersByTheirNormalFormName(String name, int rxcui) {
        RecognizedMedication found = drugs.recognize(null, name, null);

        assertThat(found.method()).isEqualTo(RecognitionMethod.NORMAL_FORM_NAME);
        assertThat(found.components()).extracting(c -> c.ingredient().rxcui()).containsExactly(rxcui);
    }

    @Test
    void recognisesOpioidProductsSentAsACodeOnly() {
        RecognizedMedication suboxone = drugs.recognize("351266", null, null);
        RecognizedMedication ultracet = drugs.recognize("836395", null, null);

        assertThat(suboxone.method()).isEqualTo(RecognitionMethod.CLINICAL_DRUG_CODE);
        assertThat(suboxone.components())
                .extracting(c -> c.ingredient().rxcui())
                .containsExactlyInAnyOrder(1819, 7242);
        assertThat(ultracet.components())
                .extracting(c -> c.ingredient().rxcui())
                .containsExactlyInAnyOrder(161, 10689);
        assertThat(drugs.recognize("861467", null, null).components())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.ingredient().name()).isEqualTo("meperidine");
                    assertThat(c.strength()).isEqualByComparingTo("50");
                });
    }

    @Test
    void findsIngredientsByCodeWithTheirSource() {
        assertThat(drugs.ingredient(29046)).map(Ingredient::name).contains("lisinopril");
        assertThat(drugs.ingredient(2193).orElseThrow().citation().text()).contains("Synthea");
        assertThat(drugs.ingredient(7646).orElseThrow().citation().text()).contains("CPIC");
        assertThat(drugs.ingredients()).hasSizeGreaterThanOrEqualTo(250);
    }

    @Test
    void keepsAceInhibitorsAndArbsApart() {
        assertThat(drugs.classesOf(29046)).contains("ace-inhibitor").doesNotContain("arb");
        assertThat(drugs.classesOf(52175)).contains("arb").doesNotContain("ace-inhibitor");
        assertThat(drugs.membersOf("ace-inhibitor")).hasSize(10);
        assertThat(drugs.membersOf("arb")).hasSize(7);
    }

    @Test
    void methyleneBlueCountsAsAnMaoInhibitorAsTheOncListSays() {
        assertThat(drugs.classesOf(6878)).containsExactly("maoi");
    }

    @Test
    void serotonergicOpioidsExcludeMorphineAndOxycodone() {
        assertThat(drugs.membersOf("serotonergic-opioid"))
                .containsExactlyInAnyOrder(6754, 6813, 787390, 4337, 10689, 3289);
        assertThat(drugs.membersOf("serotonergic-opioid")).doesNotContain(7052, 7804);
        assertThat(drugs.membersOf("opioid")).contains(7052, 7804, 10689, 6813, 4337, 5489, 7814);
    }

    @Test
    void aspirinIsASalicylateNotAnNsaidForDuplicateTherapy() {
        assertThat(drugs.classesOf(1191)).containsExactly("salicylate");
        assertThat(drugs.membersOf("nsaid")).contains(5640, 7258, 140587, 41493).doesNotContain(1191);
    }

    @Test
    void everySerotonergicAntidepressantIsAnSsriOrHasItsOwnLabelCitation() {
        for (ClassMember member : drugs.classMembers()) {
            if (member.classId().equals("serotonergic-antidepressant")) {
                assertThat(member.citation().text()).as(member.member().name()).contains("PMID 22539083");
            }
        }
        assertThat(drugs.membersOf("serotonergic-antidepressant")).containsAll(drugs.membersOf("ssri"));
    }

    @Test
    void everyQtProlongingDrugCitesAnFdaLabelOrCommunication() {
        assertThat(drugs.membersOf("qt-prolonging"))
                .contains(703, 9947, 5093, 6813, 2556, 26225, 18631, 4053, 82122, 139462, 5521, 10502, 8331);
        assertThat(drugs.classMembers())
                .filteredOn(member -> member.classId().equals("qt-prolonging"))
                .allSatisfy(member -> {
                    assertThat(member.citation().text()).containsAnyOf("FDA", "US label", "labeling");
                    assertThat(member.citation().url()).isNotBlank();
                });
    }
}
