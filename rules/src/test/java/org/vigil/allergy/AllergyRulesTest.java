package org.vigil.allergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.Urgency;

class AllergyRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(DraftOrder draft, PatientAllergy allergy) {
        return ENGINE.evaluate(context(List.of(draft), List.of(), List.of(allergy)), KNOWLEDGE);
    }

    @Test
    void aHighCriticalityAllergyToTheOrderedIngredientIsCritical() {
        List<Finding> findings = evaluate(
                draft("amox", AMOXICILLIN, 0),
                allergy(
                        AMOXICILLIN,
                        ReactionType.ALLERGY,
                        AllergyClinicalStatus.ACTIVE,
                        AllergyVerification.CONFIRMED,
                        "high"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ALG-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(((AllergyFinding) finding).ingredient().name()).containsIgnoringCase("amoxicillin");
        });
    }

    @Test
    void anAllergyWithoutStatedCriticalityOrStatusStillWarns() {
        List<Finding> findings = evaluate(
                draft("amox", AMOXICILLIN, 0),
                allergy(
                        AMOXICILLIN,
                        ReactionType.UNSTATED,
                        AllergyClinicalStatus.UNSTATED,
                        AllergyVerification.UNSTATED,
                        null));

        assertThat(findings)
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALG-001", Urgency.WARNING));
    }

    @Test
    void anIngredientInsideACombinationProductMatches() {
        List<Finding> findings = evaluate(
                draftNamed("norco", "Hydrocodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet", 0),
                allergy(
                        ACETAMINOPHEN,
                        ReactionType.ALLERGY,
                        AllergyClinicalStatus.ACTIVE,
                        AllergyVerification.CONFIRMED,
                        "low"));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("ALG-001");
    }

    @Test
    void anIntoleranceIsInformationOnly() {
        List<Finding> findings = evaluate(
                draft("amox", AMOXICILLIN, 0),
                allergy(
                        AMOXICILLIN,
                        ReactionType.INTOLERANCE,
                        AllergyClinicalStatus.ACTIVE,
                        AllergyVerification.CONFIRMED,
                        "low"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("ALG-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
            assertThat(finding.interruptive()).isFalse();
        });
    }

    @Test
    void refutedEnteredInErrorInactiveAndResolvedAllergiesDoNotAlert() {
        DraftOrder amoxicillin = draft("amox", AMOXICILLIN, 0);
        assertThat(evaluate(
                        amoxicillin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.ACTIVE,
                                AllergyVerification.REFUTED,
                                "high")))
                .isEmpty();
        assertThat(evaluate(
                        amoxicillin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.UNSTATED,
                                AllergyVerification.ENTERED_IN_ERROR,
                                "high")))
                .isEmpty();
        assertThat(evaluate(
                        amoxicillin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.INACTIVE,
                                AllergyVerification.CONFIRMED,
                                "high")))
                .isEmpty();
        assertThat(evaluate(
                        amoxicillin,
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.RESOLVED,
                                AllergyVerification.CONFIRMED,
                                "high")))
                .isEmpty();
    }

    @Test
    void anUnrelatedDrugDoesNotAlert() {
        assertThat(evaluate(
                        draft("clari", CLARITHROMYCIN, 0),
                        allergy(
                                AMOXICILLIN,
                                ReactionType.ALLERGY,
                                AllergyClinicalStatus.ACTIVE,
                                AllergyVerification.CONFIRMED,
                                "high")))
                .isEmpty();
    }
}
