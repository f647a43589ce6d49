package org.vigil.druglab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.druglab.LabFacts.*;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.draft;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.lab.LabResult;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Facts;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Urgency;

class DrugLabRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(PatientContext context) {
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("druglab"))
                .toList();
    }

    private static List<Finding> evaluate(String rxcui, LabResult... results) {
        return evaluate(context(List.of(draft("d1", rxcui, 0)), results));
    }

    @Test
    void warfarinWithInr45IsAWarningCarryingTheRowId() {
        LabResult inr = new LabResult("Observation/inr", "inr", "6301-6", 4.5, "{INR}", daysAgo(2), 3.1, daysAgo(9));

        assertThat(evaluate(WARFARIN, inr)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DLB-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/d1");
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .contains("INR 4.5")
                    .contains("> 4");
            assertThat(finding.detail())
                    .contains("INR 4.5 on 2026-11-20")
                    .contains("previous 3.1 on 2026-11-13, rising")
                    .contains("INR > 4")
                    .contains("**Management:**");
        });
    }

    @Test
    void warfarinWithATherapeuticInrDoesNotAlert() {
        assertThat(evaluate(WARFARIN, inr(2.5, daysAgo(2)))).isEmpty();
        assertThat(evaluate(WARFARIN, inr(4.0, daysAgo(2))))
                .as("> 4.0 is strict")
                .isEmpty();
    }

    @Test
    void anInrOlderThanTheRowsLookbackIsNotCompared() {
        assertThat(evaluate(WARFARIN, inr(4.5, daysAgo(35)))).isEmpty();
        assertThat(evaluate(WARFARIN, inr(4.5, daysAgo(28)))).hasSize(1);
    }

    @Test
    void digoxinWithLowPotassiumIsInformationBecauseTheRowDoesNotInterrupt() {
        assertThat(evaluate(DIGOXIN, potassium(3.0, daysAgo(1))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("DLB-004");
                    assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
                    assertThat(finding.interruptive()).isFalse();
                    assertThat(finding.detail())
                            .contains("Potassium 3.0 mmol/L on 2026-11-21")
                            .contains("Potassium <= 3.5 mmol/L");
                });
        assertThat(evaluate(DIGOXIN, potassium(3.5, daysAgo(1))))
                .as("<= 3.5 includes it")
                .hasSize(1);
        assertThat(evaluate(DIGOXIN, potassium(4.2, daysAgo(1)))).isEmpty();
    }

    @Test
    void digoxinReachesEveryOneOfItsRowsThatBreach() {
        List<Finding> findings = evaluate(
                DIGOXIN,
                potassium(3.2, daysAgo(1)),
                result("digoxin", "10535-3", 2.4, "ng/mL", daysAgo(1)),
                result("calcium", "17861-6", 9.4, "mg/dL", daysAgo(1)));

        assertThat(findings)
                .extracting(finding -> finding.ruleId() + " " + finding.urgency())
                .containsExactlyInAnyOrder("DLB-004 INFO", "DLB-007 WARNING");
    }

    @Test
    void heparinWithLowPlateletsUsesTheDefault30DayLookback() {
        assertThat(evaluate(HEPARIN, platelets(80, daysAgo(2)))).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DLB-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.detail()).contains("80 x10^9/L").contains("within 30 days");
        });
        assertThat(evaluate(ENOXAPARIN, platelets(80, daysAgo(2))))
                .extracting(Finding::ruleId)
                .containsExactly("DLB-002");
        assertThat(evaluate(HEPARIN, platelets(80, daysAgo(31)))).isEmpty();
        assertThat(evaluate(HEPARIN, platelets(180, daysAgo(2)))).isEmpty();
    }

    @Test
    void aContraindicatedRowIsCritical() {
        assertThat(evaluate(EPLERENONE, potassium(5.9, daysAgo(1))))
                .extracting(finding -> finding.ruleId() + " " + finding.urgency())
                .containsExactly("DLB-003 CRITICAL");
    }

    @Test
    void undatedResultsDrugsWithoutRowsAndUncheckedDraftsDoNotAlert() {
        assertThat(evaluate(WARFARIN, inr(4.5, null))).isEmpty();
        assertThat(evaluate(AMOXICILLIN, inr(6.0, daysAgo(1)), platelets(20, daysAgo(1))))
                .isEmpty();
        assertThat(evaluate(WARFARIN)).isEmpty();
        DraftOrder unchecked = new DraftOrder("MedicationRequest/d1", "warfarin", Facts.byCode(WARFARIN), 0, false);
        assertThat(evaluate(context(List.of(unchecked), inr(4.5, daysAgo(1))))).isEmpty();
    }
}
