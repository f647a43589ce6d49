package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.risk.RiskFacts.*;
import static org.vigil.rules.Facts.KNOWLEDGE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.disease.PatientCondition;
import org.vigil.lab.LabResult;
import org.vigil.opioid.Opioids;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

class RiskRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped(CheckEngine.PATIENT_VIEW_KIE_BASE);

    private static List<Finding> evaluate(PatientContext context, String ruleId) {
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding ->
                        finding.check().equals("risk") && finding.ruleId().equals(ruleId))
                .toList();
    }

    // RSK-001 qSOFA

    @Test
    void qsofaTwoOfThreeIsAWarningListingEachCriterion() {
        List<Finding> findings =
                evaluate(vitals(rr(24, hoursAgo(2)), sbp(95, hoursAgo(2)), gcs(15, hoursAgo(3))), "RSK-001");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.order().reference()).isEqualTo("Patient/p1");
            assertThat(finding.order().display()).isEqualTo("this patient");
            assertThat(finding.remedies()).isEmpty();
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .contains("qSOFA 2 of 3")
                    .contains("RR 24/min");
            assertThat(finding.detail())
                    .contains("24/min on 2026-11-22, **met**")
                    .contains("95 mmHg on 2026-11-22, **met**")
                    .contains("15 on 2026-11-22, not met")
                    .doesNotContain("could be");
            assertThat(finding.citation().text()).contains("Singer M").contains("Seymour CW");
        });
    }

    @Test
    void qsofaThresholdsAreInclusiveWhereSepsis3SaysSo() {
        assertThat(evaluate(vitals(rr(22, hoursAgo(1)), sbp(100, hoursAgo(1))), "RSK-001"))
                .hasSize(1);
        assertThat(evaluate(vitals(rr(21, hoursAgo(1)), sbp(100, hoursAgo(1)), gcs(15, hoursAgo(1))), "RSK-001"))
                .isEmpty();
        assertThat(evaluate(vitals(rr(22, hoursAgo(1)), sbp(101, hoursAgo(1)), gcs(15, hoursAgo(1))), "RSK-001"))
                .isEmpty();
        assertThat(evaluate(vitals(rr(16, hoursAgo(1)), sbp(120, hoursAgo(1)), gcs(14, hoursAgo(1))), "RSK-001"))
                .isEmpty();
        assertThat(evaluate(vitals(rr(16, hoursAgo(1)), sbp(98, hoursAgo(1)), gcs(14, hoursAgo(1))), "RSK-001"))
                .hasSize(1);
    }

    @Test
    void aMissingCriterionIsNamedAndNeverScoredAsNormal() {
        List<Finding> findings = evaluate(vitals(rr(26, hoursAgo(1)), gcs(13, hoursAgo(1))), "RSK-001");
        assertThat(findings)
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("no systolic blood pressure recorded since 2026-11-21")
                        .contains("at least 2 and could be 3"));
    }

    @Test
    void missingCriteriaAloneDoNotAlert() {
        // One criterion met, two not recorded: could reach 2, but an unmeasured patient is not flagged.
        assertThat(evaluate(vitals(rr(26, hoursAgo(1))), "RSK-001")).isEmpty();
        assertThat(evaluate(vitals(), "RSK-001")).isEmpty();
    }

    @Test
    void vitalsOlderThanTheWindowAreNotScored() {
        // 2026-11-20 is before the window (yesterday and today).
        assertThat(evaluate(vitals(rr(26, hoursAgo(40)), sbp(90, hoursAgo(40))), "RSK-001"))
                .isEmpty();
        assertThat(evaluate(vitals(rr(26, hoursAgo(30)), sbp(90, hoursAgo(30))), "RSK-001"))
                .hasSize(1);
    }

    // RSK-002 NEWS2

    @Test
    void news2SevenOrMoreIsACriticalEmergency() {
        // RR 26 (3), SpO2 93 (2), SBP 105 (1), HR 115 (2), GCS 15 (0), T 38.5 (1) = 9
        List<Finding> findings = evaluate(
                vitals(
                        rr(26, hoursAgo(1)),
                        spo2(93, hoursAgo(1)),
                        sbp(105, hoursAgo(1)),
                        hr(115, hoursAgo(1)),
                        gcs(15, hoursAgo(1)),
                        temp(38.5, hoursAgo(1))),
                "RSK-002");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .contains("NEWS2 at least 9")
                    .contains("emergency");
            assertThat(finding.detail())
                    .contains("**Respiration rate**: 26/min on 2026-11-22 → **3 points**")
                    .contains("**Temperature**: 38.5 °C on 2026-11-22 → **1 point**")
                    .contains("**Supplemental oxygen**: not recorded")
                    .contains("could add up to 2 points (up to 11)");
            assertThat(finding.citation().text()).contains("Royal College of Physicians");
        });
    }

    @Test
    void news2FiveOrSixIsAnUrgentWarning() {
        // RR 21 (2), SpO2 95 (1), SBP 110 (1), HR 95 (1), GCS 15, T 37 = 5
        List<Finding> findings = evaluate(
                vitals(
                        rr(21, hoursAgo(1)),
                        spo2(95, hoursAgo(1)),
                        sbp(110, hoursAgo(1)),
                        hr(95, hoursAgo(1)),
                        gcs(15, hoursAgo(1)),
                        temp(37, hoursAgo(1))),
                "RSK-002");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary()).contains("urgent response");
        });
    }

    @Test
    void aSingleParameterScoring3IsAnUrgentWardResponse() {
        List<Finding> findings = evaluate(
                vitals(
                        rr(16, hoursAgo(1)),
                        spo2(97, hoursAgo(1)),
                        sbp(125, hoursAgo(1)),
                        hr(135, hoursAgo(1)),
                        gcs(15, hoursAgo(1)),
                        temp(37, hoursAgo(1))),
                "RSK-002");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.summary()).contains("ward-based").contains("pulse 135/min");
        });
    }

    @Test
    void news2BelowTheThresholdsDoesNotAlert() {
        // RR 21 (2), HR 95 (1), T 38.2 (1) = 4, no single 3
        assertThat(evaluate(
                        vitals(
                                rr(21, hoursAgo(1)),
                                spo2(97, hoursAgo(1)),
                                sbp(125, hoursAgo(1)),
                                hr(95, hoursAgo(1)),
                                gcs(15, hoursAgo(1)),
                                temp(38.2, hoursAgo(1))),
                        "RSK-002"))
                .isEmpty();
        assertThat(evaluate(vitals(), "RSK-002")).isEmpty();
    }

    @Test
    void gcsBelow15IsNotAlertAndScores3() {
        assertThat(evaluate(vitals(gcs(14, hoursAgo(1))), "RSK-002"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                    assertThat(finding.detail()).contains("no respiration rate recorded since 2026-11-21");
                });
    }

    // RSK-003 opioids

    @Test
    void highMmeWithABenzodiazepineAndNoNaloxoneIsOneCardOfferingNaloxone() {
        // morphine 15 mg x 2 tablets x 4/day = 120 mg x 1 = 120 MME/day
        List<Finding> findings = evaluate(
                context(
                        LocalDate.of(1960, 1, 1),
                        List.of(
                                active("mor", MORPHINE_15_TABLET, oral(2, "tablet", 4)),
                                active("lzp", LORAZEPAM_1_TABLET, oral(1, "tablet", 2)))),
                "RSK-003");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary())
                    .isEqualTo("Opioid risk: 120 MME/day (high), with a benzodiazepine, no naloxone on file");
            assertThat(finding.detail())
                    .contains("high threshold of 90")
                    .contains("lzp")
                    .contains("none on file");
            assertThat(finding.remedies()).singleElement().isInstanceOfSatisfying(Remedy.OrderMedication.class, r -> {
                assertThat(r.rxcui()).isEqualTo(Opioids.NALOXONE_NASAL_SPRAY_RXCUI);
            });
        });
    }

    @Test
    void cautionLevelWithNaloxoneOnFileOffersNothing() {
        // hydrocodone 10 mg x 6/day = 60 MME/day
        List<Finding> findings = evaluate(
                context(
                        LocalDate.of(1960, 1, 1),
                        List.of(
                                active("hyd", HYDROCODONE_10_APAP_TABLET, oral(1, "tablet", 6)),
                                active("narcan", NALOXONE))),
                "RSK-003");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.summary()).contains("60 MME/day (caution)").doesNotContain("naloxone");
            assertThat(finding.remedies()).isEmpty();
            assertThat(finding.detail()).contains("**Naloxone:** on file");
        });
    }

    @Test
    void lowMmeAloneDoesNotAlertEvenWithoutNaloxone() {
        // hydrocodone 10 mg x 4/day = 40 MME/day
        assertThat(evaluate(
                        context(
                                LocalDate.of(1960, 1, 1),
                                List.of(active("hyd", HYDROCODONE_10_APAP_TABLET, oral(1, "tablet", 4)))),
                        "RSK-003"))
                .isEmpty();
        assertThat(evaluate(
                        context(
                                LocalDate.of(1960, 1, 1),
                                List.of(active("lzp", LORAZEPAM_1_TABLET, oral(1, "tablet", 2)))),
                        "RSK-003"))
                .isEmpty();
    }

    @Test
    void aBenzodiazepineWithALowDoseOpioidAlerts() {
        assertThat(evaluate(
                        context(
                                LocalDate.of(1960, 1, 1),
                                List.of(
                                        active("hyd", HYDROCODONE_10_APAP_TABLET, oral(1, "tablet", 2)),
                                        active("lzp", LORAZEPAM_1_TABLET, oral(1, "tablet", 2)))),
                        "RSK-003"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.summary()).isEqualTo("Opioid risk: with a benzodiazepine, no naloxone on file");
                    assertThat(finding.citation().text()).contains("Recommendation 11");
                });
    }

    // RSK-004 polypharmacy

    private static final List<String> TEN =
            List.of("6809", "29046", "17767", "83367", "6918", "4603", "7646", "10582", "1191", "36437");

    private static List<ActiveMedication> medications(int count) {
        List<ActiveMedication> actives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actives.add(active("m" + i, TEN.get(i)));
        }
        return actives;
    }

    @Test
    void tenMedicationsAt65IsInformation() {
        assertThat(evaluate(context(LocalDate.of(1961, 11, 22), medications(10)), "RSK-004"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
                    assertThat(finding.interruptive()).isFalse();
                    assertThat(finding.remedies()).isEmpty();
                    assertThat(finding.summary()).contains("10 active medications at age 65");
                    assertThat(finding.citation().text()).contains("Masnoon");
                });
    }

    @Test
    void polypharmacyThresholds() {
        assertThat(evaluate(context(LocalDate.of(1961, 11, 22), medications(9)), "RSK-004"))
                .isEmpty();
        assertThat(evaluate(context(LocalDate.of(1961, 11, 23), medications(10)), "RSK-004"))
                .isEmpty();
        assertThat(evaluate(context(null, medications(10)), "RSK-004")).isEmpty();
    }

    @Test
    void onlyThePatientViewBaseRunsTheRiskFlags() {
        assertThat(CheckEngine.shipped().evaluate(vitals(rr(26, hoursAgo(1)), sbp(90, hoursAgo(1))), KNOWLEDGE).stream()
                        .filter(finding -> finding.check().equals("risk")))
                .isEmpty();
    }

    // RSK-005 QT-prolonging drug burden

    private static final String CITALOPRAM = "2556";
    private static final String ONDANSETRON = "26225";
    private static final String HALOPERIDOL = "5093";
    private static final String AMOXICILLIN = "723";

    private static PatientContext chart(
            List<ActiveMedication> actives, List<PatientCondition> conditions, LabResult... results) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1950, 3, 1), "female", TODAY),
                List.of(),
                actives,
                List.of(),
                conditions,
                List.of(results),
                List.of());
    }

    private static LabResult lab(String analyte, String loinc, double value, String unit, int daysAgo) {
        return new LabResult(
                "Observation/" + analyte, analyte, loinc, value, unit, hoursAgo(24 * daysAgo), Double.NaN, null);
    }

    @Test
    void twoQtProlongingDrugsAreOneWarningNamingEachDrugAndItsSource() {
        List<Finding> findings = evaluate(
                chart(
                        List.of(active("cit", CITALOPRAM), active("ond", ONDANSETRON), active("amx", AMOXICILLIN)),
                        List.of()),
                "RSK-005");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.remedies()).isEmpty();
            assertThat(finding.order().reference()).isEqualTo("Patient/p1");
            assertThat(finding.summary()).startsWith("2 active QT-prolonging drugs: citalopram, ondansetron");
            assertThat(finding.summary().length()).isLessThan(140);
            assertThat(finding.detail())
                    .contains("**cit** (citalopram): FDA Drug Safety Communication 2011-08-24")
                    .contains("**ond** (ondansetron): FDA Safety Labeling Changes, Zofran")
                    .doesNotContain("amoxicillin")
                    .doesNotContain("problem list")
                    .doesNotContain("Low potassium");
            assertThat(finding.citation().text()).contains("citalopram");
        });
    }

    @Test
    void oneQtDrugOrTheSameDrugTwiceOrUnrelatedDrugsDoNotAlert() {
        assertThat(evaluate(chart(List.of(active("hal", HALOPERIDOL)), List.of()), "RSK-005"))
                .isEmpty();
        assertThat(evaluate(chart(List.of(active("o1", ONDANSETRON), active("o2", ONDANSETRON)), List.of()), "RSK-005"))
                .isEmpty();
        assertThat(evaluate(
                        chart(List.of(active("hal", HALOPERIDOL), active("amx", AMOXICILLIN)), List.of()), "RSK-005"))
                .isEmpty();
    }

    @Test
    void aLongQtConditionAndLowPotassiumAndMagnesiumAreMentioned() {
        PatientCondition longQt = new PatientCondition(
                "Condition/lqt", "Long QT syndrome", Set.of("qt-prolongation"), true, false, "ICD-10-CM I45.81");
        PatientCondition resolved =
                new PatientCondition("Condition/old", "Prolonged QT interval", Set.of("qt-prolongation"), false, false);
        List<Finding> findings = evaluate(
                chart(
                        List.of(active("hal", HALOPERIDOL), active("cit", CITALOPRAM)),
                        List.of(longQt, resolved),
                        lab("potassium", "2823-3", 3.1, "mmol/L", 2),
                        lab("magnesium", "19123-9", 0.9, "mg/dL", 3)),
                "RSK-005");

        assertThat(findings)
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .contains("**On the problem list:** Long QT syndrome (ICD-10-CM I45.81)")
                        .doesNotContain("Prolonged QT interval")
                        .contains("**Low potassium:** 3.1 mmol/L on 2026-11-20")
                        .contains("**Low magnesium:** 0.9 mg/dL"));
    }

    @Test
    void normalOrOldElectrolytesAreNotMentioned() {
        List<Finding> findings = evaluate(
                chart(
                        List.of(active("hal", HALOPERIDOL), active("cit", CITALOPRAM)),
                        List.of(),
                        lab("potassium", "2823-3", 4.2, "mmol/L", 1),
                        lab("magnesium", "19123-9", 1.2, "mg/dL", 45)),
                "RSK-005");

        assertThat(findings)
                .singleElement()
                .satisfies(finding -> assertThat(finding.detail())
                        .doesNotContain("Low potassium")
                        .doesNotContain("Low magnesium"));
    }

    @Test
    void aMagnesiumBelowItsReferenceIntervalButNotCriticalIsMentioned() {
        List<Finding> findings = evaluate(
                chart(
                        List.of(active("hal", HALOPERIDOL), active("cit", CITALOPRAM)),
                        List.of(),
                        lab("magnesium", "19123-9", 1.5, "mg/dL", 2)),
                "RSK-005");

        assertThat(findings)
                .singleElement()
                .satisfies(
                        finding -> assertThat(finding.detail())
                                .contains(
                                        "**Low magnesium:** 1.5 mg/dL on 2026-11-20, below the reference interval of 1.7-2.67 mg/dL"));
    }
}
