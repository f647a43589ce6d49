package org.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.KNOWLEDGE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.Conversion;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Urgency;

class ResultRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped(CheckEngine.PATIENT_VIEW_KIE_BASE);
    private static final CheckEngine ORDER_CHECKS = CheckEngine.shipped();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant TODAY_START = Instant.parse("2026-11-22T00:00:00Z");

    private static Instant daysAgo(int days) {
        return TODAY_START.minus(days, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
    }

    private static LabResult result(String analyte, String loinc, double value, String unit, Instant effective) {
        return new LabResult("Observation/" + analyte, analyte, loinc, value, unit, effective, Double.NaN, null);
    }

    private static LabResult potassium(double value, Instant effective) {
        return result("potassium", "2823-3", value, "mmol/L", effective);
    }

    private static LabResult calcium(double value, Instant effective) {
        return result("calcium", "17861-6", value, "mg/dL", effective);
    }

    private static LabResult sodium(double value, Instant effective) {
        return result("sodium", "2951-2", value, "mmol/L", effective);
    }

    private static LabResult glucose(double value, Instant effective) {
        return result("glucose", "2345-7", value, "mg/dL", effective);
    }

    private static LabResult hemoglobin(double value, Instant effective) {
        return result("hemoglobin", "718-7", value, "g/dL", effective);
    }

    private static List<Finding> evaluateFor(String sex, LabResult... results) {
        PatientContext context = new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1960, 3, 1), sex, TODAY),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(results),
                List.of());
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("lab"))
                .toList();
    }

    private static PatientContext context(List<UncomparableResult> uncomparable, LabResult... results) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1960, 3, 1), "female", TODAY),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(results),
                uncomparable);
    }

    private static List<Finding> evaluate(LabResult... results) {
        return evaluate(List.of(), results);
    }

    private static List<Finding> evaluate(List<UncomparableResult> uncomparable, LabResult... results) {
        return ENGINE.evaluate(context(uncomparable, results), KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("lab"))
                .toList();
    }

    private static List<Finding> rule(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void aCriticallyHighPotassiumIsACriticalInterruptiveCardWithTheTrend() {
        LabResult k =
                new LabResult("Observation/k2", "potassium", "2823-3", 6.8, "mmol/L", daysAgo(1), 5.1, daysAgo(5));

        assertThat(evaluate(k)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-001");
            assertThat(finding.check()).isEqualTo("lab");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.remedies()).isEmpty();
            assertThat(finding.order().reference()).isEqualTo("Observation/k2");
            assertThat(finding.citation().text()).contains("Kost");
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .isEqualTo("Critical potassium 6.8 mmol/L on 2026-11-21: above the critical limit of 6.2 mmol/L");
            assertThat(finding.detail())
                    .contains(
                            "**Potassium 6.8 mmol/L on 2026-11-21** is above the critical (panic) limit of 6.2 mmol/L")
                    .contains("previous 5.1 mmol/L on 2026-11-17, rising")
                    .contains("below 2.8 or above 6.2 mmol/L")
                    .contains("reference interval 3.6-4.8 mmol/L");
        });
    }

    @Test
    void aCriticallyLowResultIsCritical() {
        assertThat(evaluate(sodium(115, daysAgo(0)))).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-001");
            assertThat(finding.summary())
                    .contains("Critical sodium 115 mmol/L")
                    .contains("below the critical limit of 120");
            assertThat(finding.detail()).contains("no previous result on record");
        });
        assertThat(evaluate(potassium(2.5, daysAgo(0))))
                .singleElement()
                .satisfies(finding ->
                        assertThat(finding.summary()).contains("2.5 mmol/L").contains("below"));
    }

    @Test
    void aValueEqualToACriticalLimitIsNotCritical() {
        assertThat(rule(evaluate(potassium(6.2, daysAgo(0))), "RES-001")).isEmpty();
        assertThat(rule(evaluate(potassium(2.8, daysAgo(0))), "RES-001")).isEmpty();
        List<Finding> atTheLowLimit = evaluate(sodium(120, daysAgo(0)));
        assertThat(rule(atTheLowLimit, "RES-001")).isEmpty();
        assertThat(rule(atTheLowLimit, "RES-002"))
                .as("not critical, but below the reference interval")
                .singleElement()
                .satisfies(finding -> assertThat(finding.summary()).contains("sodium 120 mmol/L (low)"));
        assertThat(evaluate(glucose(46, daysAgo(0)), glucose(484, daysAgo(0))))
                .as("glucose has no reference interval: at its limits, nothing to say")
                .isEmpty();
        assertThat(rule(evaluate(potassium(6.21, daysAgo(0))), "RES-001")).hasSize(1);
    }

    @Test
    void aCriticalResultOlderThanThreeDaysNoLongerInterruptsButIsListedWithinThirtyDays() {
        assertThat(rule(evaluate(potassium(6.8, daysAgo(3))), "RES-001")).hasSize(1);
        List<Finding> old = evaluate(potassium(6.8, daysAgo(4)));
        assertThat(rule(old, "RES-001")).isEmpty();
        assertThat(old).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-002");
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.detail()).contains("critically high").contains("no longer reported as a panic value");
        });
        assertThat(evaluate(potassium(6.8, daysAgo(31))))
                .as("older than both lookbacks")
                .isEmpty();
    }

    @Test
    void severalAbnormalResultsAreOneInformationalSummary() {
        LabResult k =
                new LabResult("Observation/k1", "potassium", "2823-3", 5.4, "mmol/L", daysAgo(2), 4.9, daysAgo(12));
        List<Finding> findings = evaluate(k, calcium(8.1, daysAgo(10)), sodium(138, daysAgo(2)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.remedies()).isEmpty();
            assertThat(finding.order().reference()).isEqualTo("Patient/p1");
            assertThat(finding.order().display()).isEqualTo("this patient");
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .isEqualTo("2 results outside the reference range: calcium, total 8.1 mg/dL (low),"
                            + " potassium 5.4 mmol/L (high)");
            assertThat(finding.detail())
                    .contains("| Calcium, total | 8.1 mg/dL (low) | 2026-11-12 | 8.8-10.6 mg/dL | none on record |")
                    .contains("| Potassium | 5.4 mmol/L (high) | 2026-11-20 | 3.6-4.8 mmol/L |"
                            + " previous 4.9 mmol/L on 2026-11-10, rising |")
                    .doesNotContain("Sodium");
        });
    }

    @Test
    void aCriticalAndAnAbnormalResultGiveACriticalCardAndTheSummary() {
        List<Finding> findings = evaluate(potassium(7.0, daysAgo(0)), calcium(10.9, daysAgo(5)));
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("RES-001", "RES-002");
        assertThat(rule(findings, "RES-002").get(0).detail())
                .contains("Calcium")
                .doesNotContain("Potassium");
    }

    @Test
    void eachCriticalAnalyteIsItsOwnCard() {
        List<Finding> findings = evaluate(potassium(7.0, daysAgo(0)), sodium(112, daysAgo(1)));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("RES-001", "RES-001");
        assertThat(findings).extracting(f -> f.order().reference()).doesNotHaveDuplicates();
        assertThat(findings).extracting(Finding::problemKey).doesNotHaveDuplicates();
    }

    @Test
    void normalResultsAndResultsWithoutAReferenceIntervalSayNothing() {
        assertThat(evaluate(potassium(4.2, daysAgo(1)), calcium(9.4, daysAgo(1)), glucose(131, daysAgo(1))))
                .isEmpty();
        assertThat(evaluate(potassium(3.6, daysAgo(1)), calcium(10.6, daysAgo(1))))
                .as("reference limits are inclusive")
                .isEmpty();
        assertThat(evaluate()).isEmpty();
    }

    @Test
    void anAbnormalResultOlderThanThirtyDaysOrUndatedIsNotListed() {
        assertThat(evaluate(potassium(5.4, daysAgo(30)))).hasSize(1);
        assertThat(evaluate(potassium(5.4, daysAgo(31)))).isEmpty();
        assertThat(evaluate(potassium(6.9, null))).isEmpty();
    }

    @Test
    void vitalSignsAreNotJudgedHere() {
        assertThat(evaluate(result("heart_rate", "8867-4", 190, "/min", daysAgo(0))))
                .isEmpty();
    }

    @Test
    void glucoseSentInMmolPerLitreIsComparedInMgPerDecilitre() {
        Analyte glucose = KNOWLEDGE.labs().analyte("glucose").orElseThrow();
        Conversion.Converted converted = (Conversion.Converted) KNOWLEDGE.labs().toCanonical(glucose, 2.2, "mmol/L");
        LabResult low = result("glucose", "15074-8", converted.value(), converted.unit(), daysAgo(0));

        assertThat(evaluate(low)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-001");
            assertThat(finding.summary())
                    .contains("Critical glucose 39.64 mg/dL")
                    .contains("below the critical limit of 46 mg/dL");
        });
        Conversion.Converted normal = (Conversion.Converted) KNOWLEDGE.labs().toCanonical(glucose, 5.5, "mmol/L");
        assertThat(evaluate(result("glucose", "15074-8", normal.value(), normal.unit(), daysAgo(0))))
                .isEmpty();
    }

    @Test
    void anUncomparableResultNeverAlertsAloneAndIsNotedWhenThereIsACard() {
        UncomparableResult mg = new UncomparableResult(
                "Observation/mg1", "magnesium", "mEq/L", "unit 'mEq/L' cannot be converted to mg/dL", daysAgo(1));
        assertThat(evaluate(List.of(mg))).isEmpty();
        assertThat(evaluate(List.of(mg), potassium(5.2, daysAgo(1))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("Could not be compared: Magnesium on 2026-11-21 (unit 'mEq/L' cannot be converted"));
    }

    @Test
    void aNewerUncomparableResultIsNamedOnTheCriticalCard() {
        UncomparableResult newer = new UncomparableResult(
                "Observation/k9", "potassium", "mg/dL", "unit 'mg/dL' cannot be converted to mmol/L", daysAgo(0));
        assertThat(evaluate(List.of(newer), potassium(6.9, daysAgo(1))))
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("**Newer result not compared:** Potassium on 2026-11-22"));
    }

    @Test
    void theOrderChecksNeverRunTheResultRules() {
        assertThat(ORDER_CHECKS.evaluate(context(List.of(), potassium(7.5, daysAgo(0))), KNOWLEDGE))
                .noneMatch(finding -> finding.check().equals("lab"));
    }

    @Test
    void theNewReferenceIntervalsListElectrolytesRenalAndBloodCountResults() {
        List<Finding> findings = evaluate(
                sodium(131, daysAgo(1)),
                result("magnesium", "19123-9", 1.5, "mg/dL", daysAgo(2)),
                result("bun", "3094-0", 28, "mg/dL", daysAgo(2)),
                result("platelets", "777-3", 120, "10*9/L", daysAgo(3)),
                result("wbc", "6690-2", 12.4, "10*9/L", daysAgo(3)),
                result("chloride", "2075-0", 104, "mmol/L", daysAgo(1)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RES-002");
            assertThat(finding.detail())
                    .contains("| Sodium | 131 mmol/L (low) | 2026-11-21 | 135-145 mmol/L |")
                    .contains("| Magnesium | 1.50 mg/dL (low) | 2026-11-20 | 1.70-2.67 mg/dL |")
                    .contains("| Urea nitrogen (BUN) | 28 mg/dL (high) |")
                    .contains("| Platelet count | 120 x10^9/L (low) |")
                    .contains("| White blood cell count | 12.4 x10^9/L (high) |")
                    .doesNotContain("Chloride")
                    .contains("Clinical Methods");
        });
    }

    @Test
    void hemoglobinAndCreatinineAreJudgedByTheIntervalOfThePatientsSex() {
        LabResult hb = hemoglobin(12.5, daysAgo(1));
        LabResult creatinine = result("creatinine", "2160-0", 1.15, "mg/dL", daysAgo(1));

        assertThat(evaluateFor("female", hb))
                .as("12.5 g/dL is within 11.5-15.5 for a woman")
                .isEmpty();
        assertThat(evaluateFor("male", hb))
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("| Hemoglobin | 12.5 g/dL (low) | 2026-11-21 | 13.5-17.5 g/dL (adult male) |"));
        assertThat(evaluateFor("unknown", hb))
                .as("no sex-independent interval: not judged")
                .isEmpty();
        assertThat(evaluateFor("female", creatinine))
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("1.15 mg/dL (high)")
                        .contains("0.5-1.1 mg/dL (adult female)"));
        assertThat(evaluateFor("male", creatinine)).isEmpty();
        assertThat(rule(evaluateFor("male", hemoglobin(6.5, daysAgo(0))), "RES-001"))
                .as("the critical limits are the same for both sexes")
                .hasSize(1);
    }
}
