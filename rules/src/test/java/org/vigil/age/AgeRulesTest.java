package org.vigil.age;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.vigil.age.AgeFacts.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Facts;
import org.vigil.rules.Finding;
import org.vigil.rules.Patient;
import org.vigil.rules.Urgency;

class AgeRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(Patient patient, String rxcui) {
        return evaluate(patient, List.of(Facts.draft("order", rxcui, 0)), List.of());
    }

    /** The age findings only: other checks may have their say on the same facts. */
    private static List<Finding> evaluate(Patient patient, List<DraftOrder> drafts, List<ActiveMedication> active) {
        return ENGINE.evaluate(context(patient, drafts, active), Facts.KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("age"))
                .toList();
    }

    @Test
    void codeineForANineYearOldIsCriticalAge002() {
        List<Finding> findings = evaluate(aged(9), CODEINE);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AGE-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/order");
            assertThat(finding.summary())
                    .isEqualTo("Contraindicated under age 12: order (patient is 9)")
                    .hasSizeLessThan(140);
            assertThat(finding.detail())
                    .contains("**Patient age:** 9 years (born 2017-08-22)")
                    .contains("**Criterion:** children, under age 12: contraindicated")
                    .contains("**Why:** Children under 12")
                    .contains("**Management:** Do not give");
            assertThat(finding.citation().text()).contains("FDA Drug Safety Communication");
        });
    }

    @Test
    void tramadolForAnElevenYearOldIsCritical() {
        assertThat(evaluate(aged(11), TRAMADOL))
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(tuple("AGE-002", Urgency.CRITICAL));
    }

    @Test
    void codeineFromTheTwelfthBirthdayOnDoesNotAlert() {
        assertThat(evaluate(birthdayToday(12), CODEINE)).isEmpty();
        assertThat(evaluate(aged(14), CODEINE)).isEmpty();
        assertThat(evaluate(aged(45), CODEINE)).isEmpty();
    }

    @Test
    void aspirinForATeenagerIsInformationOnly() {
        List<Finding> findings = evaluate(aged(15), ASPIRIN);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AGE-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary()).startsWith("Use with caution under age 20: ");
        });
        assertThat(evaluate(aged(19), ASPIRIN)).extracting(Finding::urgency).containsExactly(Urgency.INFO);
        assertThat(evaluate(aged(20), ASPIRIN)).isEmpty();
    }

    @Test
    void glyburideForAnOlderAdultIsAnAge001Warning() {
        List<Finding> findings = evaluate(aged(80), GLYBURIDE);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AGE-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.summary()).isEqualTo("Avoid at age 65 or older: order (patient is 80)");
            assertThat(finding.detail()).contains("**Criterion:** older adults, at age 65 or older: avoid");
            assertThat(finding.citation().text()).contains("Shorr RI");
        });
    }

    @Test
    void theOlderAdultCriterionStartsOnTheSixtyFifthBirthday() {
        assertThat(evaluate(aged(64), DIPHENHYDRAMINE)).isEmpty();
        assertThat(evaluate(birthdayToday(65), DIPHENHYDRAMINE))
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(tuple("AGE-001", Urgency.WARNING));
    }

    @Test
    void aBenzodiazepineForAnOlderAdultAlertsThroughItsClass() {
        List<Finding> findings = evaluate(aged(80), DIAZEPAM);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("AGE-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.detail()).contains("**diazepam**, a benzodiazepine");
        });
    }

    @Test
    void theSameDrugsForAMiddleAgedAdultDoNotAlert() {
        for (String rxcui : List.of(GLYBURIDE, DIPHENHYDRAMINE, DIAZEPAM, CODEINE, TRAMADOL, ASPIRIN)) {
            assertThat(evaluate(aged(50), rxcui)).as(rxcui).isEmpty();
        }
    }

    @Test
    void aDrugWithoutAgeCriteriaDoesNotAlertAtAnyAge() {
        assertThat(evaluate(aged(3), AMOXICILLIN)).isEmpty();
        assertThat(evaluate(aged(90), AMOXICILLIN)).isEmpty();
    }

    @Test
    void noBirthDateNoAlert() {
        assertThat(evaluate(unknownAge(), CODEINE)).isEmpty();
        assertThat(evaluate(unknownAge(), GLYBURIDE)).isEmpty();
    }

    @Test
    void onlyCheckedDraftOrdersAreSubjects() {
        DraftOrder unchecked = new DraftOrder("MedicationRequest/c", "c", Facts.byCode(CODEINE), 0, false);

        assertThat(evaluate(aged(9), List.of(unchecked), List.of())).isEmpty();
        assertThat(evaluate(aged(80), List.of(), List.of(Facts.active("gly", GLYBURIDE))))
                .isEmpty();
    }

    @Test
    void aCombinationProductIsOneProblemShownByItsStrongestCriterion() {
        List<Finding> findings = evaluate(aged(10), ASPIRIN_CODEINE);

        assertThat(findings)
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactlyInAnyOrder(tuple("AGE-002", Urgency.CRITICAL), tuple("AGE-002", Urgency.INFO));
        assertThat(findings).extracting(Finding::problemKey).containsOnly("AGE-002|MedicationRequest/order");
    }
}
