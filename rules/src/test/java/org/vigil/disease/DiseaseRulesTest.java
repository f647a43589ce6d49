package org.vigil.disease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.disease.DiseaseFacts.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Facts;
import org.vigil.rules.Finding;
import org.vigil.rules.Urgency;

class DiseaseRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    /** The drug-disease findings only: other checks may have their say on the same facts. */
    private static List<Finding> evaluate(List<DraftOrder> drafts, PatientCondition... conditions) {
        return evaluate(drafts, List.of(), conditions);
    }

    private static List<Finding> evaluate(
            List<DraftOrder> drafts, List<ActiveMedication> active, PatientCondition... conditions) {
        return ENGINE.evaluate(context(drafts, active, List.of(conditions)), Facts.KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("disease"))
                .toList();
    }

    @Test
    void ibuprofenInHeartFailureIsAnInterruptiveWarningNamingTheConditionAsRecorded() {
        List<Finding> findings = evaluate(
                List.of(draft("ibu", IBUPROFEN)),
                condition("hf", "Chronic diastolic heart failure", "ICD-10-CM I50.32", HEART_FAILURE));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DIS-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/ibu");
            assertThat(finding.summary())
                    .startsWith("Major risk in Heart failure: ")
                    .hasSizeLessThan(140);
            assertThat(finding.detail())
                    .contains("Chronic diastolic heart failure, ICD-10-CM I50.32")
                    .contains("nonsteroidal anti-inflammatory drug")
                    .contains("**Why:** NSAIDs retain sodium")
                    .contains("**Management:** Avoid unless");
            assertThat(finding.citation().text()).contains("NSAID class labeling");
            assertThat(((DiseaseFinding) finding).conflict().conditionGroup()).isEqualTo(HEART_FAILURE);
        });
    }

    @Test
    void aNonSelectiveBetaBlockerInAsthmaIsCritical() {
        List<Finding> findings = evaluate(
                List.of(draft("prop", PROPRANOLOL)), condition("ast", "Mild intermittent asthma", null, ASTHMA));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DIS-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.summary()).startsWith("Contraindicated in Asthma: ");
            assertThat(finding.detail()).contains("Mild intermittent asthma (Condition/ast)");
        });
    }

    @Test
    void anAceInhibitorInPregnancyIsAWarningThroughItsClass() {
        assertThat(evaluate(List.of(draft("lis", LISINOPRIL)), condition("preg", "Pregnant", null, PREGNANCY)))
                .extracting(Finding::ruleId, Finding::urgency, Finding::interruptive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DIS-001", Urgency.WARNING, true));
    }

    @Test
    void metoclopramideInParkinsonDiseaseIsAWarning() {
        assertThat(evaluate(
                        List.of(draft("meto", METOCLOPRAMIDE)),
                        condition("pd", "Parkinson's disease", "SNOMED CT 49049000", PARKINSON)))
                .extracting(Finding::urgency)
                .containsExactly(Urgency.WARNING);
    }

    @Test
    void aNonInterruptiveRowIsInformationOnly() {
        List<Finding> findings =
                evaluate(List.of(draft("nap", NAPROXEN)), condition("preg", "Pregnant", null, PREGNANCY));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary()).startsWith("Caution in Pregnancy: ");
        });
    }

    @Test
    void aResolvedConditionDoesNotAlert() {
        assertThat(evaluate(List.of(draft("ibu", IBUPROFEN)), resolved("hf", "Heart failure", HEART_FAILURE)))
                .isEmpty();
    }

    @Test
    void aRefutedConditionDoesNotAlert() {
        assertThat(evaluate(List.of(draft("prop", PROPRANOLOL)), refuted("ast", "Asthma", ASTHMA)))
                .isEmpty();
    }

    @Test
    void aConditionTheDrugHasNoConflictWithDoesNotAlert() {
        assertThat(evaluate(List.of(draft("lis", LISINOPRIL)), condition("ast", "Asthma", null, ASTHMA)))
                .isEmpty();
        assertThat(evaluate(List.of(draft("amox", AMOXICILLIN)), condition("hf", "Heart failure", null, HEART_FAILURE)))
                .isEmpty();
    }

    @Test
    void aConditionInNoGroupDoesNotAlert() {
        assertThat(evaluate(List.of(draft("ibu", IBUPROFEN)), condition("rhin", "Seasonal allergic rhinitis", null)))
                .isEmpty();
    }

    @Test
    void onlyCheckedDraftOrdersAreSubjectsNotActiveMedications() {
        DraftOrder unchecked = new DraftOrder("MedicationRequest/ibu", "ibu", Facts.byCode(IBUPROFEN), 0, false);
        PatientCondition heartFailure = condition("hf", "Heart failure", null, HEART_FAILURE);

        assertThat(evaluate(List.of(unchecked), heartFailure)).isEmpty();
        assertThat(evaluate(List.of(), List.of(Facts.active("ibu", IBUPROFEN)), heartFailure))
                .isEmpty();
    }

    @Test
    void theSameGroupRecordedTwiceIsOneProblem() {
        List<Finding> findings = evaluate(
                List.of(draft("ibu", IBUPROFEN)),
                condition("hf-icd", "Heart failure, unspecified", "ICD-10-CM I50.9", HEART_FAILURE),
                condition("hf-sct", "Congestive heart failure", "SNOMED CT 42343007", HEART_FAILURE));

        assertThat(findings).hasSize(2);
        assertThat(findings)
                .extracting(Finding::problemKey)
                .containsOnly("DIS-001|MedicationRequest/ibu|heart-failure");
    }

    @Test
    void eachConditionGroupIsItsOwnProblem() {
        List<Finding> findings = evaluate(
                List.of(draft("prop", PROPRANOLOL)),
                condition("ast", "Asthma", null, ASTHMA),
                condition("brady", "Sinus bradycardia", null, BRADYCARDIA));

        assertThat(findings)
                .extracting(Finding::problemKey)
                .containsExactlyInAnyOrder(
                        "DIS-001|MedicationRequest/prop|asthma", "DIS-001|MedicationRequest/prop|bradycardia");
        assertThat(findings).extracting(Finding::urgency).containsOnly(Urgency.CRITICAL);
    }

    @Test
    void eachOrderIsItsOwnProblem() {
        List<Finding> findings = evaluate(
                List.of(draft("ibu", IBUPROFEN), Facts.draft("meto", METOPROLOL, 1)),
                condition("hf", "Heart failure", null, HEART_FAILURE));

        assertThat(findings)
                .extracting(finding -> finding.order().reference())
                .containsExactly("MedicationRequest/ibu");
    }
}
