package org.vigil.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.dose.DoseFacts.*;
import static org.vigil.rules.Facts.KNOWLEDGE;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Dosage;
import org.vigil.rules.Finding;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

class DoseRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(Patient patient, Object... facts) {
        return ENGINE.evaluate(context(patient, List.of(facts)), KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("dose"))
                .toList();
    }

    private static List<Finding> evaluate(Patient patient, String ruleId, Object... facts) {
        return evaluate(patient, facts).stream()
                .filter(finding -> finding.ruleId().equals(ruleId))
                .toList();
    }

    @Nested
    class SingleDose {

        @Test
        void acetaminophen1300MgPerDoseIsAWarningOfferingTheMaximum() {
            List<Finding> findings = evaluate(aged(45), "DOS-001", draft("d1", ACETAMINOPHEN, oral("1300", "mg", 3)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.check()).isEqualTo("dose");
                assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                assertThat(finding.interruptive()).isTrue();
                assertThat(finding.summary())
                        .startsWith("Acetaminophen 1300 mg per dose exceeds the 1000 mg maximum single dose")
                        .hasSizeLessThan(140);
                assertThat(finding.detail())
                        .contains("1300 mg oral")
                        .contains("1.3 times the maximum")
                        .contains("1000 mg per dose, 4000 mg per day (adult, any route)")
                        .contains("all routes and all products");
                assertThat(finding.citation().text()).contains("OFIRMEV");
                assertThat(finding.problemKey()).isEqualTo("DOS-001|MedicationRequest/d1|161");
                assertThat(finding.remedies())
                        .containsExactly(
                                new Remedy.ChangeDose(finding.order(), new BigDecimal("1000"), "mg"),
                                new Remedy.RemoveOrder(finding.order()));
            });
        }

        @Test
        void aTenfoldErrorIsCritical() {
            assertThat(evaluate(aged(45), "DOS-001", draft("d1", ACETAMINOPHEN, oral("10000", "mg", 1))))
                    .extracting(Finding::urgency)
                    .containsExactly(Urgency.CRITICAL);
        }

        @Test
        void theMaximumItselfAndTheSameDoseInGramsDoNotAlert() {
            assertThat(evaluate(aged(45), draft("d1", ACETAMINOPHEN, oral("1000", "mg", 4))))
                    .isEmpty();
            assertThat(evaluate(aged(45), draft("d1", ACETAMINOPHEN, oral("1", "g", 4))))
                    .isEmpty();
            assertThat(evaluate(aged(45), draft("d1", ACETAMINOPHEN, intravenous("650", "mg", 4))))
                    .isEmpty();
        }

        @Test
        void tabletsOfACombinationProductCountTheirAcetaminophen() {
            List<Finding> findings =
                    evaluate(aged(45), "DOS-001", draft("d1", HYDROCODONE_APAP_325, oral("4", "tablet", 1)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.summary()).startsWith("Acetaminophen 1300 mg per dose");
                // a tablet order of a combination cannot be set to "1000 mg"; only removal is offered
                assertThat(finding.remedies()).containsExactly(new Remedy.RemoveOrder(finding.order()));
            });
        }

        @Test
        void anOrderWithoutARouteUsesTheRouteItsOralDoseFormImplies() {
            List<Finding> findings =
                    evaluate(aged(45), "DOS-001", draft("d1", IBUPROFEN_800_TABLET, dosage("2", "tablet", 1, 1, null)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.summary()).startsWith("Ibuprofen 1600 mg per dose exceeds the 800 mg");
                assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            });
        }

        @Test
        void aRouteWithoutARowIsNotChecked() {
            assertThat(evaluate(aged(45), draft("d1", IBUPROFEN, intravenous("1600", "mg", 1))))
                    .isEmpty();
        }

        @Test
        void aPatientWithoutABirthDateIsCheckedAsAnAdult() {
            assertThat(evaluate(unknownAge(), "DOS-001", draft("d1", ACETAMINOPHEN, oral("1300", "mg", 1))))
                    .hasSize(1);
        }

        @Test
        void anUnstatedDoseIsNotChecked() {
            assertThat(evaluate(aged(45), draft("d1", ACETAMINOPHEN, Dosage.UNSTATED)))
                    .isEmpty();
        }
    }

    @Nested
    class DailyDose {

        @Test
        void acetaminophenFromACombinationProductAddsUp() {
            List<Finding> findings = evaluate(
                    aged(45),
                    "DOS-002",
                    draft("d1", ACETAMINOPHEN, oral("1000", "mg", 4)),
                    active("a1", HYDROCODONE_APAP_325, oral("2", "tablet", 4)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                assertThat(finding.interruptive()).isTrue();
                assertThat(finding.summary())
                        .isEqualTo("Acetaminophen 6600 mg per day across 2 orders exceeds the 4000 mg maximum"
                                + " daily dose");
                assertThat(finding.detail())
                        .contains("- d1 (draft order): 4000 mg per day")
                        .contains("- a1 (active medication): 2600 mg per day (2 tablets oral")
                        .contains("1.65 times the maximum")
                        .doesNotContain("Not counted");
                assertThat(finding.remedies()).containsExactly(new Remedy.RemoveOrder(finding.order()));
            });
        }

        @Test
        void withinTheMaximumAcrossOrdersDoesNotAlert() {
            assertThat(evaluate(
                            aged(45),
                            draft("d1", ACETAMINOPHEN, oral("500", "mg", 4)),
                            active("a1", HYDROCODONE_APAP_325, oral("2", "tablet", 3))))
                    .isEmpty();
        }

        @Test
        void aRenewalDoesNotCountTheOrderItReplaces() {
            assertThat(evaluate(
                            aged(45),
                            renewal("d1", ACETAMINOPHEN, oral("1000", "mg", 3), "a1"),
                            active("a1", ACETAMINOPHEN, oral("1000", "mg", 3))))
                    .isEmpty();
            // without the prior prescription the two orders add up to 6000 mg
            assertThat(evaluate(
                            aged(45),
                            "DOS-002",
                            draft("d1", ACETAMINOPHEN, oral("1000", "mg", 3)),
                            active("a1", ACETAMINOPHEN, oral("1000", "mg", 3))))
                    .hasSize(1);
        }

        @Test
        void anOrderWithoutAComputableDoseMakesTheTotalALowerBound() {
            List<Finding> findings = evaluate(
                    aged(45),
                    "DOS-002",
                    draft("d1", ACETAMINOPHEN, oral("1000", "mg", 6)),
                    active("a1", HYDROCODONE_APAP_325, Dosage.UNSTATED));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.summary()).startsWith("Acetaminophen at least 6000 mg per day exceeds");
                assertThat(finding.detail()).contains("**Not counted**").contains("- a1 (active medication)");
            });
        }

        @Test
        void twiceTheDailyMaximumIsCritical() {
            assertThat(evaluate(aged(45), "DOS-002", draft("d1", ACETAMINOPHEN, oral("1000", "mg", 8))))
                    .extracting(Finding::urgency)
                    .containsExactly(Urgency.CRITICAL);
        }

        @Test
        void theDailyAmountIsPerDosingDayNotAveragedOverTheWeek() {
            // tramadol 250 mg twice a day every other day: 500 mg on each dosing day, above 400 mg
            assertThat(evaluate(aged(45), "DOS-002", draft("d1", TRAMADOL, dosage("250", "mg", 2, 2, "oral"))))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.summary()).startsWith("Tramadol 500 mg per day"));
        }

        @Test
        void anOlderAdultGetsTheOlderAdultRow() {
            assertThat(evaluate(aged(80), "DOS-002", draft("d1", TRAMADOL, oral("100", "mg", 4))))
                    .singleElement()
                    .satisfies(finding ->
                            assertThat(finding.detail()).contains("older adult from 75 years, oral, prescription use"));
            assertThat(evaluate(aged(50), draft("d1", TRAMADOL, oral("100", "mg", 4))))
                    .isEmpty();
        }

        @Test
        void anUncheckedDraftCountsButIsNotReported() {
            List<Finding> findings = evaluate(
                    aged(45),
                    draft("d1", ACETAMINOPHEN, oral("1000", "mg", 3)),
                    unchecked("d2", HYDROCODONE_APAP_325, oral("2", "tablet", 4)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.ruleId()).isEqualTo("DOS-002");
                assertThat(finding.order().reference()).isEqualTo("MedicationRequest/d1");
            });
        }

        @Test
        void simvastatin80IsWithinItsLabelledMaximum() {
            assertThat(evaluate(aged(60), draft("d1", SIMVASTATIN, oral("80", "mg", 1))))
                    .isEmpty();
        }
    }

    @Nested
    class Frequency {

        @Test
        void dailyOralMethotrexateIsCriticalAndOffersWeeklyDosing() {
            List<Finding> findings = evaluate(aged(60), draft("d1", METHOTREXATE, oral("7.5", "mg", 1)));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.ruleId()).isEqualTo("DOS-003");
                assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
                assertThat(finding.interruptive()).isTrue();
                assertThat(finding.summary())
                        .isEqualTo("Methotrexate ordered daily (d1); it is taken once weekly")
                        .hasSizeLessThan(140);
                assertThat(finding.detail()).contains("7 dosing days a week").contains("fatal toxicity");
                assertThat(finding.remedies())
                        .containsExactly(
                                new Remedy.MakeWeekly(finding.order()), new Remedy.RemoveOrder(finding.order()));
            });
        }

        @Test
        void everyOtherDayIsStillTooOften() {
            assertThat(evaluate(aged(60), draft("d1", METHOTREXATE, dosage("7.5", "mg", 1, 2, "oral"))))
                    .extracting(Finding::ruleId)
                    .containsExactly("DOS-003");
        }

        @Test
        void weeklyMethotrexateEvenInDividedDosesDoesNotAlert() {
            assertThat(evaluate(aged(60), draft("d1", METHOTREXATE, dosage("15", "mg", 1, 7, "oral"))))
                    .isEmpty();
            assertThat(evaluate(aged(60), draft("d1", METHOTREXATE, dosage("5", "mg", 3, 7, "oral"))))
                    .isEmpty();
        }

        @Test
        void anUnstatedFrequencyIsNotJudged() {
            assertThat(evaluate(
                            aged(60), draft("d1", METHOTREXATE, dosage("7.5", "mg", Double.NaN, Double.NaN, "oral"))))
                    .isEmpty();
        }
    }

    @Nested
    class WeightBased {

        @Test
        void ivAcetaminophen500MgForA20KgChildExceedsPerDoseAndPerDay() {
            List<Finding> findings =
                    evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("500", "mg", 4)), weight(20, 3));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.ruleId()).isEqualTo("DOS-004");
                assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
                assertThat(finding.interruptive()).isTrue();
                assertThat(finding.summary())
                        .isEqualTo("Acetaminophen 25 mg/kg per dose and 100 mg/kg per day exceed the 15 mg/kg per"
                                + " dose and 75 mg/kg per day maxima");
                assertThat(finding.detail())
                        .contains("**Body weight:** 20 kg on 2026-11-19")
                        .contains("25 mg/kg (500 mg)")
                        .contains("pediatric 2 to under 13 years, intravenous)");
                assertThat(finding.remedies())
                        .containsExactly(
                                new Remedy.ChangeDose(finding.order(), new BigDecimal("300"), "mg"),
                                new Remedy.RemoveOrder(finding.order()));
            });
        }

        @Test
        void aDoseWrittenInMgPerKgIsCheckedWithoutAWeight() {
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("40", "mg/kg", 1))))
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.ruleId()).isEqualTo("DOS-004");
                        assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
                        assertThat(finding.summary())
                                .isEqualTo("Acetaminophen 40 mg/kg per dose exceeds the 15 mg/kg maximum single"
                                        + " dose");
                        assertThat(finding.remedies())
                                .first()
                                .isEqualTo(new Remedy.ChangeDose(finding.order(), new BigDecimal("15"), "mg/kg"));
                    });
        }

        @Test
        void onlyTheDailyMaximumCanBeExceeded() {
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("15", "mg/kg", 6))))
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.summary())
                            .isEqualTo("Acetaminophen 90 mg/kg per day exceeds the 75 mg/kg maximum daily dose"));
        }

        @Test
        void withinTheWeightBasedMaximumDoesNotAlert() {
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("300", "mg", 4)), weight(20, 3)))
                    .isEmpty();
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("15", "mg/kg", 4))))
                    .isEmpty();
        }

        @Test
        void withoutARecentWeightAMassDoseIsReportedAsNotChecked() {
            List<Finding> findings =
                    evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("500", "mg", 4)), weight(20, 31));

            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.ruleId()).isEqualTo("DOS-005");
                assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
                assertThat(finding.interruptive()).isFalse();
                assertThat(finding.summary())
                        .isEqualTo("Acetaminophen 500 mg per dose not checked against the 15 mg/kg maximum: no body"
                                + " weight in the last 30 days");
                assertThat(finding.remedies()).isEmpty();
            });
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, intravenous("500", "mg", 4)), weight(20, 30)))
                    .extracting(Finding::ruleId)
                    .containsExactly("DOS-004");
        }

        @Test
        void theAdultRowIsNotUsedForAChildOutsideThePediatricRow() {
            // oral acetaminophen for a 6-year-old: the table has no oral pediatric row, so no check
            assertThat(evaluate(aged(6), draft("d1", ACETAMINOPHEN, oral("1300", "mg", 4)), weight(20, 3)))
                    .isEmpty();
        }
    }
}
