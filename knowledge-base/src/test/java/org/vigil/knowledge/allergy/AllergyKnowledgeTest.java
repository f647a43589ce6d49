package org.vigil.knowledge.allergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;

/** The bundled tables: clinical expectations that must hold for the shipped knowledge. */
class AllergyKnowledgeTest {

    private static final String SCT = AllergyKnowledge.SNOMED_CT;

    private static final int AMOXICILLIN = 723;
    private static final int AMPICILLIN = 733;
    private static final int PENICILLIN_G = 7980;
    private static final int PENICILLIN_V = 7984;
    private static final int CEPHALEXIN = 2231;
    private static final int CEFACLOR = 2176;
    private static final int CEFAZOLIN = 2180;
    private static final int CEFTRIAXONE = 2193;
    private static final int CEFEPIME = 20481;
    private static final int SULFAMETHOXAZOLE = 10180;
    private static final int SULFADIAZINE = 10171;
    private static final int FUROSEMIDE = 4603;
    private static final int HYDROCHLOROTHIAZIDE = 5487;
    private static final int CELECOXIB = 140587;
    private static final int GLIPIZIDE = 4821;
    private static final int ASPIRIN = 1191;
    private static final int IBUPROFEN = 5640;
    private static final int KETOROLAC = 35827;
    private static final int CODEINE = 2670;
    private static final int MORPHINE = 7052;
    private static final int FENTANYL = 4337;

    private static AllergyKnowledge allergy;

    @BeforeAll
    static void load() {
        DrugVocabulary drugs =
                KnowledgeSnapshot.load(KnowledgeSource.classpath()).drugs();
        allergy = AllergyKnowledge.load(KnowledgeSource.classpath(), drugs);
    }

    private static List<String> groupIds(int allergen, int ordered) {
        return allergy.crossSensitivities(allergen, ordered).stream()
                .map(cs -> cs.group().id())
                .toList();
    }

    @Test
    void aSnomedPenicillinAllergyExpandsToEveryPenicillin() {
        assertThat(allergy.allergen(SCT, "764146007"))
                .contains(AMOXICILLIN, AMPICILLIN, PENICILLIN_G, PENICILLIN_V)
                .doesNotContain(CEPHALEXIN, CEFAZOLIN);
        assertThat(allergy.allergenEntry(SCT, "764146007").orElseThrow().groupId())
                .isEqualTo("penicillins");
    }

    @Test
    void amoxicillinAllergyMakesCephalexinCrossSensitiveThroughTheSharedR1SideChain() {
        List<CrossSensitivity> found = allergy.crossSensitivities(AMOXICILLIN, CEPHALEXIN);

        assertThat(found).extracting(cs -> cs.group().id()).containsExactly("aminopenicillin-r1");
        CrossSensitivity r1 = found.get(0);
        assertThat(r1.level()).isEqualTo(CrossSensitivityLevel.MODERATE);
        assertThat(r1.allergenRxcui()).isEqualTo(AMOXICILLIN);
        assertThat(r1.orderedRxcui()).isEqualTo(CEPHALEXIN);
        assertThat(r1.citations()).extracting(Citation::text).anyMatch(text -> text.contains("Chaudhry"));
        assertThat(groupIds(AMPICILLIN, CEFACLOR)).containsExactly("aminopenicillin-r1");
    }

    @Test
    void amoxicillinAllergyDoesNotFlagCefazolinWhoseSideChainDiffers() {
        assertThat(allergy.crossSensitivities(AMOXICILLIN, CEFAZOLIN)).isEmpty();
        assertThat(allergy.group("aminopenicillin-r1").orElseThrow().contains(CEFAZOLIN))
                .isFalse();
    }

    @Test
    void penicillinsAmongThemselvesAreHighAndReportedBeforeTheWeakerSideChainGroup() {
        assertThat(allergy.crossSensitivities(AMOXICILLIN, AMPICILLIN))
                .extracting(cs -> cs.group().id(), CrossSensitivity::level)
                .containsExactly(
                        tuple("penicillins", CrossSensitivityLevel.HIGH),
                        tuple("aminopenicillin-r1", CrossSensitivityLevel.MODERATE));
        assertThat(groupIds(PENICILLIN_G, AMOXICILLIN)).containsExactly("penicillins");
    }

    @Test
    void cephalosporinsWithTheSameR1SideChainOutrankTheClassWideLowLevel() {
        assertThat(allergy.crossSensitivities(CEFTRIAXONE, CEFEPIME))
                .extracting(CrossSensitivity::level)
                .containsExactly(CrossSensitivityLevel.MODERATE, CrossSensitivityLevel.LOW);
        assertThat(allergy.crossSensitivities(CEPHALEXIN, CEFAZOLIN))
                .extracting(CrossSensitivity::level)
                .containsExactly(CrossSensitivityLevel.LOW);
    }

    @Test
    void sulfamethoxazoleAllergyReachesOtherSulfonamideAntibacterialsOnly() {
        assertThat(allergy.crossSensitivities(SULFAMETHOXAZOLE, SULFADIAZINE))
                .extracting(cs -> cs.group().id(), CrossSensitivity::level)
                .containsExactly(tuple("sulfonamide-antibacterials", CrossSensitivityLevel.HIGH));
        for (int nonAntibiotic : new int[] {FUROSEMIDE, HYDROCHLOROTHIAZIDE, CELECOXIB, GLIPIZIDE}) {
            assertThat(allergy.crossSensitivities(SULFAMETHOXAZOLE, nonAntibiotic))
                    .as("sulfamethoxazole vs %d", nonAntibiotic)
                    .isEmpty();
        }
    }

    @Test
    void aSnomedSulfonamideAllergyMeansTheAntibacterialsNotEverySulfonamide() {
        assertThat(allergy.allergen(SCT, "387406002"))
                .contains(SULFAMETHOXAZOLE, SULFADIAZINE)
                .doesNotContain(FUROSEMIDE, HYDROCHLOROTHIAZIDE, CELECOXIB, GLIPIZIDE);
    }

    @Test
    void aspirinAllergyMakesCox1InhibitingNsaidsCrossSensitiveButNotCelecoxib() {
        assertThat(allergy.crossSensitivities(ASPIRIN, IBUPROFEN))
                .extracting(cs -> cs.group().id(), CrossSensitivity::level)
                .containsExactly(tuple("aerd-cox1-nsaids", CrossSensitivityLevel.HIGH));
        assertThat(groupIds(ASPIRIN, KETOROLAC)).containsExactly("aerd-cox1-nsaids");
        assertThat(allergy.crossSensitivities(ASPIRIN, CELECOXIB)).isEmpty();
    }

    @Test
    void opioidsCrossReactMoreWithinTheirChemicalClassThanAcrossClasses() {
        assertThat(allergy.crossSensitivities(CODEINE, MORPHINE))
                .extracting(cs -> cs.group().id(), CrossSensitivity::level)
                .containsExactly(
                        tuple("opioid-phenanthrenes", CrossSensitivityLevel.MODERATE),
                        tuple("opioids-across-classes", CrossSensitivityLevel.LOW));
        assertThat(allergy.crossSensitivities(CODEINE, FENTANYL))
                .extracting(CrossSensitivity::level)
                .containsExactly(CrossSensitivityLevel.LOW);
    }

    @Test
    void theIdenticalIngredientIsAnExactMatchNotACrossSensitivity() {
        assertThat(allergy.crossSensitivities(AMOXICILLIN, AMOXICILLIN)).isEmpty();
    }

    @Test
    void aSnomedSubstanceCodeResolvesToItsIngredient() {
        assertThat(allergy.allergen(SCT, "372687004")).containsExactly(AMOXICILLIN);
        assertThat(allergy.allergen(SCT, " 387458008 ")).containsExactly(ASPIRIN);
        assertThat(allergy.allergen("urn:oid:2.16.840.1.113883.6.96", "372687004"))
                .containsExactly(AMOXICILLIN);

        Allergen aspirin = allergy.allergenEntry(SCT, "387458008").orElseThrow();
        assertThat(aspirin.display()).isEqualTo("Aspirin (substance)");
        assertThat(aspirin.groupId()).isNull();
        assertThat(aspirin.citation().text()).contains("CH Term");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91936005", "999999999", "", "372687004x"})
    void anUnknownSnomedCodeStandsForNothing(String code) {
        assertThat(allergy.allergen(SCT, code)).isEmpty();
        assertThat(allergy.allergenEntry(SCT, code)).isEmpty();
    }

    @Test
    void aKnownCodeInAnotherSystemOrMissingArgumentsStandForNothing() {
        assertThat(allergy.allergen("http://www.nlm.nih.gov/research/umls/rxnorm", "372687004"))
                .isEmpty();
        assertThat(allergy.allergen(null, "372687004")).isEmpty();
        assertThat(allergy.allergen(SCT, null)).isEmpty();
    }

    @Test
    void groupsAreLookedUpByIdAndIngredientsListTheirGroups() {
        assertThat(allergy.group("penicillins").orElseThrow().memberRxcuis())
                .containsExactly(PENICILLIN_G, PENICILLIN_V, AMOXICILLIN, AMPICILLIN);
        assertThat(allergy.group("no-such-group")).isEmpty();
        assertThat(allergy.group(null)).isEmpty();
        assertThat(allergy.groupsOf(AMOXICILLIN)).containsExactlyInAnyOrder("penicillins", "aminopenicillin-r1");
        assertThat(allergy.groupsOf(CELECOXIB)).isEmpty();
    }
}
