package org.vigil.opioid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.opioid.OpioidFacts.*;
import static org.vigil.rules.Facts.KNOWLEDGE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

class OpioidRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> all(PatientContext context) {
        return ENGINE.evaluate(context, KNOWLEDGE);
    }

    private static List<Finding> evaluate(PatientContext context) {
        return all(context).stream()
                .filter(finding -> finding.check().equals("opioid"))
                .toList();
    }

    private static List<Finding> evaluate(List<DraftOrder> drafts, List<ActiveMedication> active) {
        return evaluate(context(drafts, active));
    }

    private static List<Finding> morphineMgPerDay(double mg) {
        return evaluate(List.of(draft("d1", MORPHINE_15_TABLET, oral(mg, "mg", 1))), List.of());
    }

    @Test
    void justBelowTheCautionThresholdDoesNotAlert() {
        assertThat(morphineMgPerDay(49.9)).isEmpty();
    }

    @Test
    void atTheCautionThresholdIsANonInterruptiveWarningOfferingNaloxone() {
        assertThat(morphineMgPerDay(50)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("OPI-001");
            assertThat(finding.title()).isEqualTo("daily MME at or above the caution threshold");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .contains("50 MME/day")
                    .contains("caution threshold of 50");
            assertThat(finding.detail())
                    .contains("morphine 50 mg/day × factor 1 (oral) = **50 MME/day**")
                    .contains("Offer naloxone")
                    .contains("never use them to convert");
            assertThat(finding.citation().text()).contains("Recommendation 8");
            assertThat(finding.remedies()).hasSize(2);
            assertThat(finding.remedies().get(0)).isInstanceOfSatisfying(Remedy.OrderMedication.class, remedy -> {
                assertThat(remedy.rxcui()).isEqualTo(Opioids.NALOXONE_NASAL_SPRAY_RXCUI);
                assertThat(remedy.reason()).contains("Recommendation 8");
            });
            assertThat(finding.remedies().get(1)).isEqualTo(new Remedy.RemoveOrder(finding.order()));
        });
    }

    @Test
    void justBelowTheHighThresholdIsStillCaution() {
        assertThat(morphineMgPerDay(89)).extracting(Finding::ruleId).containsExactly("OPI-001");
    }

    @Test
    void atTheHighThresholdIsOneInterruptiveWarning() {
        assertThat(morphineMgPerDay(90)).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("OPI-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.summary()).contains("high threshold of 90");
            assertThat(finding.citation().text()).contains("Recommendation 5");
        });
    }

    @Test
    void tabletsOfACombinationCountWithTheirOpioidStrengthAndOtherOrdersAddUp() {
        // hydrocodone 10 mg x 2 tablets x 4 a day = 80 MME, with morphine 15 mg once daily = 95
        List<Finding> findings = evaluate(
                List.of(draft("norco", HYDROCODONE_10_APAP_TABLET, oral(2, "tablet", 4))),
                List.of(active("ms", MORPHINE_15_TABLET, oral(1, "tablet", 1))));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("OPI-002");
            assertThat(finding.summary()).contains("95 MME/day");
            assertThat(finding.detail())
                    .contains("hydrocodone 80 mg/day × factor 1 (oral) = **80 MME/day**")
                    .contains("**ms** (active medication)")
                    .contains("morphine 15 mg/day");
        });
    }

    @Test
    void aRenewalIsNotCountedTwice() {
        Dosage thirtyMg = oral(15, "mg", 2);
        ActiveMedication current = active("ms-old", MORPHINE_15_TABLET, thirtyMg);

        assertThat(evaluate(List.of(renewal("ms-new", MORPHINE_15_TABLET, thirtyMg, "ms-old")), List.of(current)))
                .isEmpty();
        // the same order as a second prescription would make 60 MME/day
        assertThat(evaluate(List.of(draft("ms-new", MORPHINE_15_TABLET, thirtyMg)), List.of(current)))
                .extracting(Finding::ruleId)
                .containsExactly("OPI-001");
    }

    @Test
    void renewingAHighDoseUnchangedInformsWithoutInterruptingButRaisingItInterrupts() {
        Dosage sixtyMgTwiceDaily = oral(60, "mg", 2);
        ActiveMedication current = active("ms-old", MORPHINE_15_TABLET, oral(60, "mg", 2));

        assertThat(evaluate(
                        List.of(renewal("ms-new", MORPHINE_15_TABLET, sixtyMgTwiceDaily, "ms-old")), List.of(current)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("OPI-002");
                    assertThat(finding.interruptive()).isFalse();
                    assertThat(finding.detail()).contains("without raising the total (120 MME/day before)");
                });
        assertThat(evaluate(
                        List.of(renewal("ms-new", MORPHINE_15_TABLET, oral(90, "mg", 2), "ms-old")), List.of(current)))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("OPI-002");
                    assertThat(finding.interruptive()).isTrue();
                });
    }

    @Test
    void aFentanylPatchCountsItsRateTimesThePatchesWhateverTheChangeInterval() {
        assertThat(evaluate(List.of(draft("patch", FENTANYL_25_PATCH, patches(1))), List.of()))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("OPI-001");
                    assertThat(finding.summary()).contains("60 MME/day");
                    assertThat(finding.detail()).contains("fentanyl 25 mcg/hr × factor 2.4 (transdermal, per mcg/hr)");
                });
        assertThat(evaluate(List.of(draft("patch", FENTANYL_50_PATCH, patches(2))), List.of()))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("OPI-002");
                    assertThat(finding.summary()).contains("240 MME/day");
                });
    }

    @Test
    void aPatchWithItsRouteUnstatedIsReadFromItsDoseForm() {
        Dosage noRoute = new Dosage(java.math.BigDecimal.ONE, "patch", 1, 3, null, null, null, false);
        assertThat(evaluate(List.of(draft("patch", FENTANYL_25_PATCH, noRoute)), List.of()))
                .extracting(Finding::ruleId)
                .containsExactly("OPI-001");
    }

    @Test
    void naloxoneAlreadyAtHandIsNotSuggestedAgain() {
        List<Finding> findings = evaluate(
                List.of(draft("d1", MORPHINE_15_TABLET, oral(60, "mg", 1))),
                List.of(active("narcan", NALOXONE, Dosage.UNSTATED)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.remedies()).containsExactly(new Remedy.RemoveOrder(finding.order()));
            assertThat(finding.detail()).contains("already has a naloxone rescue product");
        });
    }

    @Test
    void naloxoneDraftedAlongsideCountsAsAtHand() {
        List<Finding> findings = evaluate(
                List.of(
                        draft("d1", MORPHINE_15_TABLET, oral(60, "mg", 1)),
                        draft("narcan", NALOXONE, Dosage.UNSTATED, 1)),
                List.of());

        assertThat(findings)
                .singleElement()
                .satisfies(
                        finding -> assertThat(finding.remedies()).noneMatch(Remedy.OrderMedication.class::isInstance));
    }

    @Test
    void buprenorphineNaloxoneIsNoRescueAndBuprenorphineIsNotSummed() {
        List<Finding> findings = evaluate(
                List.of(draft("d1", MORPHINE_15_TABLET, oral(60, "mg", 1))),
                List.of(active("suboxone", BUPRENORPHINE_NALOXONE_SL_TABLET, oral(1, "tablet", 1))));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.remedies().get(0)).isInstanceOf(Remedy.OrderMedication.class);
            assertThat(finding.summary()).contains("at least 60 MME/day");
            assertThat(finding.detail())
                    .contains("**Not summed** (the total is at least 60 MME/day)")
                    .contains("buprenorphine has no CDC conversion factor for the oral route");
        });
    }

    @Test
    void anOpioidWithoutDoseIsNamedAndTheTotalIsALowerBound() {
        List<Finding> findings = evaluate(
                List.of(draft("d1", MORPHINE_15_TABLET, oral(60, "mg", 1))),
                List.of(active("norco", HYDROCODONE_10_APAP_TABLET, Dosage.UNSTATED)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.summary()).contains("at least 60");
            assertThat(finding.detail())
                    .contains("**norco** (active medication): hydrocodone MME could not be computed");
        });
    }

    @Test
    void aDraftWithoutDoseAlertsWhenTheOthersAlreadyReachTheThreshold() {
        List<Finding> findings = evaluate(
                List.of(draft("d1", TRAMADOL_50_TABLET, Dosage.UNSTATED)),
                List.of(active("ms", MORPHINE_15_TABLET, oral(100, "mg", 1))));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("OPI-002");
    }

    @Test
    void anOpioidWithoutDosesAnywhereDoesNotAlert() {
        assertThat(evaluate(List.of(draft("d1", MORPHINE_15_TABLET, Dosage.UNSTATED)), List.of()))
                .isEmpty();
    }

    @Test
    void aNonOpioidNeverAlertsEvenBesideAHighActiveDose() {
        assertThat(evaluate(
                        List.of(draft("d1", IBUPROFEN_400_TABLET, oral(1, "tablet", 3))),
                        List.of(active("ms", MORPHINE_15_TABLET, oral(120, "mg", 1)))))
                .isEmpty();
    }

    @Test
    void uncheckedDraftsCountButAreNotCardedThemselves() {
        DraftOrder unchecked = new DraftOrder(
                "MedicationRequest/other",
                "other",
                org.vigil.rules.Facts.byCode(MORPHINE_15_TABLET),
                1,
                false,
                null,
                oral(40, "mg", 1));
        assertThat(evaluate(List.of(draft("d1", MORPHINE_15_TABLET, oral(20, "mg", 1)), unchecked), List.of()))
                .singleElement()
                .satisfies(finding -> assertThat(finding.order().reference()).isEqualTo("MedicationRequest/d1"));
    }

    @Test
    void draftOpioidWithActiveBenzodiazepineMatchesTheInteractionCard() {
        DraftOrder opioid = draft("oxy", MORPHINE_15_TABLET, Dosage.UNSTATED);
        ActiveMedication benzo = active("lorazepam", LORAZEPAM_1_TABLET, Dosage.UNSTATED);
        List<Finding> findings = all(context(List.of(opioid), List.of(benzo)));

        Finding interaction = findings.stream()
                .filter(finding -> finding.ruleId().equals("DDI-202"))
                .findFirst()
                .orElseThrow();
        assertThat(findings.stream().filter(finding -> finding.check().equals("opioid")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("OPI-003");
                    assertThat(finding.urgency()).isEqualTo(interaction.urgency());
                    assertThat(finding.interruptive())
                            .isEqualTo(interaction.interruptive())
                            .isTrue();
                    assertThat(finding.involved()).containsExactly(opioid.ref(), benzo.ref());
                    assertThat(finding.problemKey())
                            .isEqualTo("OPI-003|MedicationRequest/lorazepam|MedicationRequest/oxy");
                    assertThat(finding.citation().text()).contains("Recommendation 11");
                    assertThat(finding.summary()).isEqualTo("Opioid with a benzodiazepine: oxy and lorazepam");
                    assertThat(finding.remedies()).hasSize(2);
                    assertThat(finding.remedies().get(0)).isInstanceOf(Remedy.OrderMedication.class);
                    assertThat(finding.remedies().get(1)).isEqualTo(new Remedy.RemoveOrder(opioid.ref()));
                });
    }

    @Test
    void draftBenzodiazepineWithActiveOpioidIsAboutTheBenzodiazepineDraft() {
        DraftOrder benzo = draft("lorazepam", LORAZEPAM_1_TABLET, Dosage.UNSTATED);
        ActiveMedication opioid = active("norco", HYDROCODONE_10_APAP_TABLET, Dosage.UNSTATED);

        assertThat(evaluate(List.of(benzo), List.of(opioid))).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("OPI-003");
            assertThat(finding.order()).isEqualTo(benzo.ref());
            assertThat(finding.involved()).containsExactly(benzo.ref(), opioid.ref());
            assertThat(finding.detail()).startsWith("**norco** (opioid, active medication) with **lorazepam**");
        });
    }

    @Test
    void twoDraftsMakeOneFindingAndNaloxoneAtHandIsNotSuggested() {
        List<Finding> findings = evaluate(
                List.of(
                        draft("oxy", MORPHINE_15_TABLET, Dosage.UNSTATED, 0),
                        draft("valium", DIAZEPAM, Dosage.UNSTATED, 1)),
                List.of(active("narcan", NALOXONE, Dosage.UNSTATED)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("OPI-003");
            assertThat(finding.remedies()).containsExactly(new Remedy.RemoveOrder(finding.order()));
        });
    }

    @Test
    void highDoseOpioidWithABenzodiazepineGivesBothCards() {
        List<Finding> findings = evaluate(
                List.of(draft("ms", MORPHINE_15_TABLET, oral(30, "mg", 2))),
                List.of(active("lorazepam", LORAZEPAM_1_TABLET, oral(1, "tablet", 2))));

        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("OPI-001", "OPI-003");
    }
}
