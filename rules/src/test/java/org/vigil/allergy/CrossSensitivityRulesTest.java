package org.vigil.allergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.allergy;
import static org.vigil.rules.Facts.context;
import static org.vigil.rules.Facts.draft;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.RecognitionMethod;
import org.vigil.knowledge.RecognizedMedication;
import org.vigil.knowledge.allergy.AllergyKnowledge;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.Urgency;

class CrossSensitivityRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    static final String AMOXICILLIN = "723";
    static final String AMPICILLIN = "733";
    static final String CEPHALEXIN = "2231";
    static final String CEFAZOLIN = "2180";
    static final String CEFDINIR = "25037";
    static final String CEFTRIAXONE = "2193";
    static final String CEFEPIME = "20481";
    static final String SULFAMETHOXAZOLE = "10180";
    static final String FUROSEMIDE = "4603";
    static final String CELECOXIB = "140587";
    static final String ASPIRIN = "1191";
    static final String IBUPROFEN = "5640";
    static final String MORPHINE = "7052";
    static final String FENTANYL = "4337";
    static final String CODEINE = "2670";

    private static List<Finding> evaluate(DraftOrder draft, PatientAllergy allergy) {
        return ENGINE.evaluate(context(List.of(draft), List.of(), List.of(allergy)), KNOWLEDGE);
    }

    private static PatientAllergy confirmed(String rxcui) {
        return allergy(rxcui, ReactionType.ALLERGY, AllergyClinicalStatus.ACTIVE, AllergyVerification.CONFIRMED, "low");
    }

    /** A SNOMED CT-coded allergy, resolved through the allergen table as the normalizer does. */
    private static PatientAllergy snomed(String code) {
        AllergyKnowledge table = KNOWLEDGE.allergies();
        List<Component> components = new ArrayList<>();
        table.allergen(AllergyKnowledge.SNOMED_CT, code)
                .forEach(rxcui -> components.add(
                        Component.of(KNOWLEDGE.drugs().ingredient(rxcui).orElseThrow())));
        return new PatientAllergy(
                "AllergyIntolerance/" + code,
                "Penicillin",
                new RecognizedMedication(components, null, RecognitionMethod.SUBSTANCE_CODE),
                ReactionType.ALLERGY,
                AllergyClinicalStatus.ACTIVE,
                AllergyVerification.CONFIRMED,
                "high",
                List.of("Anaphylaxis"));
    }

    @Test
    void amoxicillinAllergyAndCephalexinShareTheR1SideChain() {
        List<Finding> findings = evaluate(draft("cephalexin", CEPHALEXIN, 0), confirmed(AMOXICILLIN));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ALG-003");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            CrossSensitivityFinding cross = (CrossSensitivityFinding) finding;
            assertThat(cross.match().group().id()).isEqualTo("aminopenicillin-r1");
            assertThat(finding.summary()).hasSizeLessThan(140).contains("cephalexin");
            assertThat(finding.detail())
                    .contains("amoxicillin/ampicillin R1 side chain", "moderate", "Hives", "Basis", "source");
        });
    }

    @Test
    void amoxicillinAllergyAndAmpicillinAreTheSamePenicillinClass() {
        assertThat(evaluate(draft("ampicillin", AMPICILLIN, 0), confirmed(AMOXICILLIN)))
                .extracting(Finding::ruleId, Finding::urgency, Finding::interruptive)
                .containsExactly(tuple("ALG-003", Urgency.WARNING, true));
    }

    @Test
    void amoxicillinAllergyAndCefazolinShareNoGroup() {
        assertThat(evaluate(draft("cefazolin", CEFAZOLIN, 0), confirmed(AMOXICILLIN)))
                .isEmpty();
    }

    @Test
    void cephalosporinsWithDissimilarSideChainsAreInformationOnly() {
        assertThat(evaluate(draft("cefazolin", CEFAZOLIN, 0), confirmed(CEFDINIR)))
                .extracting(Finding::ruleId, Finding::urgency, Finding::interruptive)
                .containsExactly(tuple("ALG-003", Urgency.INFO, false));
    }

    @Test
    void theStrongestSharedGroupWins() {
        // ceftriaxone and cefepime share both the R1 group (moderate) and the cephalosporins (low).
        assertThat(evaluate(draft("cefepime", CEFEPIME, 0), confirmed(CEFTRIAXONE)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                    assertThat(((CrossSensitivityFinding) finding)
                                    .match()
                                    .group()
                                    .id())
                            .isEqualTo("ceph-r1-methoxyimino-aminothiazolyl");
                });
    }

    @Test
    void sulfonamideAntibioticAllergyDoesNotExtendToNonAntibioticSulfonamides() {
        assertThat(evaluate(draft("furosemide", FUROSEMIDE, 0), confirmed(SULFAMETHOXAZOLE)))
                .isEmpty();
        assertThat(evaluate(draft("celecoxib", CELECOXIB, 0), confirmed(SULFAMETHOXAZOLE)))
                .isEmpty();
    }

    @Test
    void aspirinAllergyAndIbuprofenAreTheAerdGroup() {
        assertThat(evaluate(draft("ibuprofen", IBUPROFEN, 0), confirmed(ASPIRIN)))
                .extracting(Finding::ruleId, Finding::urgency, Finding::interruptive)
                .containsExactly(tuple("ALG-003", Urgency.WARNING, true));
    }

    @Test
    void aspirinAllergyAndCelecoxibShareNoGroup() {
        assertThat(evaluate(draft("celecoxib", CELECOXIB, 0), confirmed(ASPIRIN)))
                .isEmpty();
    }

    @Test
    void anIntoleranceLowersAHighGroupToInformation() {
        PatientAllergy intolerance = allergy(
                ASPIRIN, ReactionType.INTOLERANCE, AllergyClinicalStatus.ACTIVE, AllergyVerification.CONFIRMED, null);
        assertThat(evaluate(draft("ibuprofen", IBUPROFEN, 0), intolerance))
                .extracting(Finding::ruleId, Finding::urgency, Finding::interruptive)
                .containsExactly(tuple("ALG-003", Urgency.INFO, false));
    }

    @Test
    void opioidsOfAnotherChemicalClassAreInformationOnly() {
        assertThat(evaluate(draft("fentanyl", FENTANYL, 0), confirmed(MORPHINE)))
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(tuple("ALG-003", Urgency.INFO));
        assertThat(evaluate(draft("codeine", CODEINE, 0), confirmed(MORPHINE)))
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(tuple("ALG-003", Urgency.WARNING));
    }

    @Test
    void anExactMatchIsOnlyTheExactAllergyCard() {
        assertThat(evaluate(draft("amox", AMOXICILLIN, 0), confirmed(AMOXICILLIN)))
                .extracting(Finding::ruleId)
                .containsExactly("ALG-001");
    }

    @Test
    void aSnomedPenicillinAllergyWithCephalexinIsOneCardAtTheR1Level() {
        assertThat(evaluate(draft("cephalexin", CEPHALEXIN, 0), snomed("764146007")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("ALG-003");
                    assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                    assertThat(((CrossSensitivityFinding) finding)
                                    .match()
                                    .group()
                                    .id())
                            .isEqualTo("aminopenicillin-r1");
                    assertThat(finding.summary()).hasSizeLessThan(140);
                });
        assertThat(evaluate(draft("cefazolin", CEFAZOLIN, 0), snomed("764146007")))
                .isEmpty();
    }

    @Test
    void refutedResolvedInactiveAndEnteredInErrorAllergiesDoNotAlert() {
        DraftOrder cephalexin = draft("cephalexin", CEPHALEXIN, 0);
        assertThat(evaluate(
                        cephalexin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.ACTIVE,
                                AllergyVerification.REFUTED,
                                null)))
                .isEmpty();
        assertThat(evaluate(
                        cephalexin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.ACTIVE,
                                AllergyVerification.ENTERED_IN_ERROR,
                                null)))
                .isEmpty();
        assertThat(evaluate(
                        cephalexin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.RESOLVED,
                                AllergyVerification.CONFIRMED,
                                null)))
                .isEmpty();
        assertThat(evaluate(
                        cephalexin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.INACTIVE,
                                AllergyVerification.CONFIRMED,
                                null)))
                .isEmpty();
    }

    @Test
    void anUncheckedDraftIsNotChecked() {
        DraftOrder unchecked =
                new DraftOrder("MedicationRequest/c", "cephalexin", org.vigil.rules.Facts.byCode(CEPHALEXIN), 0, false);
        assertThat(evaluate(unchecked, confirmed(AMOXICILLIN))).isEmpty();
    }
}
