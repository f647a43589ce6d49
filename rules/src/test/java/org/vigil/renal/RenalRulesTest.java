package org.vigil.renal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.renal.RenalFacts.*;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.draft;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.renal.RenalAction;
import org.vigil.lab.LabResult;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Urgency;

class RenalRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(PatientContext context) {
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("renal"))
                .toList();
    }

    private static List<Finding> evaluate(String rxcui, LabResult... results) {
        return evaluate(context(List.of(draft("d1", rxcui, 0)), results));
    }

    @Test
    void metforminWithEgfr25IsACriticalAvoid() {
        List<Finding> findings = evaluate(METFORMIN, egfr(25, daysAgo(2)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("REN-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/d1");
            assertThat(((RenalFinding) finding).threshold().action()).isEqualTo(RenalAction.AVOID);
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .contains("eGFR 25")
                    .contains("below 30");
            assertThat(finding.detail())
                    .contains("25 mL/min/1.73 m2 on 2026-11-20")
                    .contains("below eGFR 30")
                    .contains("lactic acidosis");
            assertThat(finding.citation().text()).contains("FDA");
        });
    }

    @Test
    void metforminWithEgfr38IsCautionInformationOnly() {
        List<Finding> findings = evaluate(METFORMIN, egfr(38, daysAgo(2)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("REN-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
            assertThat(finding.interruptive()).isFalse();
        });
    }

    @Test
    void metforminAtExactlyTheThresholdDoesNotBreachABelowRow() {
        assertThat(evaluate(METFORMIN, egfr(45, daysAgo(2)))).isEmpty();
        assertThat(evaluate(METFORMIN, egfr(30, daysAgo(2))))
                .extracting(Finding::urgency)
                .containsExactly(Urgency.INFO);
    }

    @Test
    void metforminWithNormalEgfrDoesNotAlert() {
        assertThat(evaluate(METFORMIN, egfr(70, daysAgo(2)))).isEmpty();
    }

    @Test
    void nitrofurantoinComparesCreatinineClearanceNotEgfr() {
        assertThat(evaluate(NITROFURANTOIN, crcl(20, daysAgo(1))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
                    assertThat(finding.detail()).contains("creatinine clearance 20 mL/min");
                });
        assertThat(evaluate(NITROFURANTOIN, egfr(20, daysAgo(1)))).isEmpty();
    }

    @Test
    void aReduceDoseRowIsAWarning() {
        assertThat(evaluate(GABAPENTIN, crcl(40, daysAgo(3)))).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
        });
    }

    @Test
    void atOrBelowRowsBreachAtTheThreshold() {
        assertThat(evaluate(DABIGATRAN, crcl(30, daysAgo(3))))
                .extracting(Finding::urgency)
                .containsExactly(Urgency.WARNING);
        assertThat(evaluate(DABIGATRAN, crcl(14, daysAgo(3))))
                .extracting(Finding::urgency)
                .containsExactly(Urgency.CRITICAL);
    }

    @Test
    void aClassRowReachesItsMembers() {
        assertThat(evaluate(IBUPROFEN, egfr(22, daysAgo(3))))
                .extracting(Finding::urgency)
                .containsExactly(Urgency.CRITICAL);
    }

    @Test
    void aResultOlderThan90DaysIsNotCompared() {
        assertThat(evaluate(METFORMIN, egfr(25, daysAgo(200)))).isEmpty();
        assertThat(evaluate(METFORMIN, egfr(25, daysAgo(91)))).isEmpty();
        assertThat(evaluate(METFORMIN, egfr(25, daysAgo(90)))).hasSize(1);
    }

    @Test
    void anUndatedResultIsNotCompared() {
        assertThat(evaluate(METFORMIN, egfr(25, null))).isEmpty();
    }

    @Test
    void noKidneyFunctionResultNoAlert() {
        assertThat(evaluate(METFORMIN)).isEmpty();
    }

    @Test
    void aDrugWithoutThresholdsDoesNotAlert() {
        assertThat(evaluate(AMOXICILLIN, egfr(10, daysAgo(1)), crcl(10, daysAgo(1))))
                .isEmpty();
    }

    @Test
    void anUncheckedDraftIsNotASubject() {
        DraftOrder unchecked =
                new DraftOrder("MedicationRequest/d1", "metformin", org.vigil.rules.Facts.byCode(METFORMIN), 0, false);
        assertThat(evaluate(context(List.of(unchecked), egfr(25, daysAgo(1))))).isEmpty();
    }

    @Test
    void eachCheckedDraftIsReportedOnItsOwn() {
        List<Finding> findings = evaluate(context(
                List.of(draft("met", METFORMIN, 0), draft("nitro", NITROFURANTOIN, 1), draft("amox", AMOXICILLIN, 2)),
                egfr(25, daysAgo(1)),
                crcl(50, daysAgo(1))));

        assertThat(findings)
                .extracting(finding -> finding.order().reference() + " " + finding.urgency())
                .containsExactlyInAnyOrder("MedicationRequest/met CRITICAL", "MedicationRequest/nitro INFO");
    }
}
