package org.vigil.knowledge.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.KnowledgeSource;

/** The bundled dose, route and MME tables, checked the way a pharmacist would check them. */
class DoseKnowledgeTest {

    private static final int ACETAMINOPHEN = 161;
    private static final int IBUPROFEN = 5640;
    private static final int NAPROXEN = 7258;
    private static final int METHOTREXATE = 6851;
    private static final int COLCHICINE = 2683;
    private static final int TRAMADOL = 10689;
    private static final int SIMVASTATIN = 36567;
    private static final int OXYCODONE = 7804;
    private static final int HYDROCODONE = 5489;
    private static final int FENTANYL = 4337;
    private static final int VINCRISTINE = 11202;
    private static final int VINBLASTINE = 11198;
    private static final int VINORELBINE = 39541;
    private static final int NOT_A_DRUG = 999_999_999;

    private static DrugVocabulary drugs;
    private static DoseKnowledge knowledge;

    @BeforeAll
    static void load() {
        drugs = DrugVocabulary.load(KnowledgeSource.classpath());
        knowledge = DoseKnowledge.load(KnowledgeSource.classpath(), drugs);
    }

    private static DoseLimits limits() {
        return knowledge.doseLimits();
    }

    @Test
    void filesAreListedInLoadOrder() {
        assertThat(DoseKnowledge.FILES)
                .containsExactly("dose-limits.tsv", "route-constraints.tsv", "mme-factors.tsv", "mme-thresholds.tsv");
    }

    @Nested
    class DoseLimitsTable {

        @Test
        void acetaminophenAdultsMayTakeAtMostFourGramsADayByAnyRoute() {
            DoseLimit oral =
                    limits().limit(ACETAMINOPHEN, "oral", Population.ADULT).orElseThrow();

            assertThat(oral.route()).isEqualTo(Route.ANY);
            assertThat(oral.unit()).isEqualTo(DoseUnit.MG);
            assertThat(oral.maxDaily()).hasValue(4000);
            assertThat(oral.maxSingle()).hasValue(1000);
            assertThat(oral.dailyDoseExceeds(4, DoseUnit.G, Double.NaN)).isFalse();
            assertThat(oral.dailyDoseExceeds(4000, DoseUnit.MG, Double.NaN)).isFalse();
            assertThat(oral.dailyDoseExceeds(4.5, DoseUnit.G, Double.NaN)).isTrue();
            assertThat(oral.dailyDoseExceeds(5200, DoseUnit.MG, Double.NaN)).isTrue();
            assertThat(oral.singleDoseExceeds(1300, DoseUnit.MG, Double.NaN)).isTrue();
            // the 4 g ceiling counts every route: an IV or rectal order meets the same row
            assertThat(limits().limit(ACETAMINOPHEN, "intravenous", Population.ADULT))
                    .contains(oral);
            assertThat(limits().limit(ACETAMINOPHEN, "rectal", Population.ADULT))
                    .contains(oral);
            assertThat(oral.citation().text()).contains("OFIRMEV").contains("4,000 mg");
        }

        @Test
        void olderAdultsWithoutTheirOwnRowGetTheAdultLimit() {
            assertThat(limits().limit(ACETAMINOPHEN, "oral", Population.OLDER_ADULT))
                    .isEqualTo(limits().limit(ACETAMINOPHEN, "oral", Population.ADULT));
        }

        @Test
        void pediatricIntravenousAcetaminophenIsWeightBased() {
            DoseLimit child = limits().limitForAge(ACETAMINOPHEN, "intravenous", 7, Setting.PRESCRIPTION)
                    .orElseThrow();

            assertThat(child.population()).isEqualTo(Population.PEDIATRIC);
            assertThat(child.unit()).isEqualTo(DoseUnit.MG_PER_KG);
            // 20 kg child: 15 mg/kg = 300 mg per dose, 75 mg/kg = 1500 mg per day
            assertThat(child.singleDoseExceeds(300, DoseUnit.MG, 20)).isFalse();
            assertThat(child.singleDoseExceeds(400, DoseUnit.MG, 20)).isTrue();
            assertThat(child.dailyDoseExceeds(1500, DoseUnit.MG, 20)).isFalse();
            assertThat(child.dailyDoseExceeds(2000, DoseUnit.MG, 20)).isTrue();
            // without a weight a mg/kg limit cannot be judged: no false alarm
            assertThat(child.singleDoseExceeds(400, DoseUnit.MG, Double.NaN)).isFalse();
        }

        @Test
        void theAdultFourGramLimitIsNeverAppliedToAChild() {
            // the pediatric row covers 2 to 12 years only; an infant or an oral order meets no limit
            assertThat(limits().limitForAge(ACETAMINOPHEN, "intravenous", 1, Setting.PRESCRIPTION))
                    .isEmpty();
            assertThat(limits().limitForAge(ACETAMINOPHEN, "oral", 7, Setting.PRESCRIPTION))
                    .isEmpty();
            assertThat(limits().limitForAge(ACETAMINOPHEN, "oral", 40, Setting.PRESCRIPTION))
                    .map(DoseLimit::maxDaily)
                    .hasValueSatisfying(max -> assertThat(max).hasValue(4000));
        }

        @Test
        void ibuprofenPrescriptionAndOverTheCounterMaximaDiffer() {
            DoseLimit rx = limits().limit(IBUPROFEN, "oral", Population.ADULT).orElseThrow();
            DoseLimit otc = limits().limit(IBUPROFEN, "oral", Population.ADULT, Setting.NONPRESCRIPTION)
                    .orElseThrow();

            assertThat(rx.maxDaily()).hasValue(3200);
            assertThat(rx.maxSingle()).hasValue(800);
            assertThat(otc.maxDaily()).hasValue(1200);
            assertThat(otc.maxSingle()).hasValue(400);
            assertThat(rx.dailyDoseExceeds(2400, DoseUnit.MG, Double.NaN)).isFalse();
            assertThat(otc.dailyDoseExceeds(2400, DoseUnit.MG, Double.NaN)).isTrue();
            // the OTC label covers children from 12 years
            assertThat(limits().limitForAge(IBUPROFEN, "oral", 13, Setting.NONPRESCRIPTION))
                    .contains(otc);
            assertThat(limits().limitForAge(IBUPROFEN, "oral", 10, Setting.NONPRESCRIPTION))
                    .isEmpty();
        }

        @Test
        void naproxenIsCappedAt1500MgADay() {
            DoseLimit naproxen =
                    limits().limit(NAPROXEN, "oral", Population.ADULT).orElseThrow();

            assertThat(naproxen.maxDaily()).hasValue(1500);
            assertThat(naproxen.maxSingle()).isEmpty();
            assertThat(naproxen.note()).contains("naproxen sodium 550 mg = naproxen 500 mg");
        }

        @Test
        void oralMethotrexateTakenDailyBreaksTheWeeklyRule() {
            FrequencyRule rule = limits().frequencyRule(METHOTREXATE, "oral", Population.ADULT)
                    .orElseThrow();

            assertThat(rule).isEqualTo(FrequencyRule.WEEKLY);
            assertThat(rule.permitsInterval(1)).as("daily").isFalse();
            assertThat(rule.permitsInterval(3.5)).as("twice a week").isFalse();
            assertThat(rule.permitsInterval(7)).as("weekly").isTrue();
            assertThat(rule.permitsDosingDaysPerWeek(7)).isFalse();
            assertThat(rule.permitsDosingDaysPerWeek(1))
                    .as("a weekly dose divided within one day")
                    .isTrue();
            // an older adult gets the same rule, through the adult row
            assertThat(limits().frequencyRule(METHOTREXATE, "oral", Population.OLDER_ADULT))
                    .contains(rule);
            assertThat(limits().limit(METHOTREXATE, "oral", Population.ADULT)
                            .orElseThrow()
                            .citation()
                            .text())
                    .contains("medication errors have led to deaths");
        }

        @Test
        void tramadolIsLimitedTo300MgADayOnlyFromAge75() {
            assertThat(limits().limit(TRAMADOL, "oral", Population.ADULT)
                            .orElseThrow()
                            .maxDaily())
                    .hasValue(400);
            assertThat(limits().limit(TRAMADOL, "oral", Population.OLDER_ADULT)
                            .orElseThrow()
                            .maxDaily())
                    .hasValue(300);
            assertThat(limits().limitForAge(TRAMADOL, "oral", 70, Setting.PRESCRIPTION)
                            .orElseThrow()
                            .maxDaily())
                    .hasValue(400);
            assertThat(limits().limitForAge(TRAMADOL, "oral", 80, Setting.PRESCRIPTION)
                            .orElseThrow()
                            .maxDaily())
                    .hasValue(300);
        }

        @Test
        void simvastatin80MgIsTheCeilingAndAbove40MgIsRestricted() {
            DoseLimit simvastatin =
                    limits().limit(SIMVASTATIN, "oral", Population.ADULT).orElseThrow();

            assertThat(simvastatin.maxDaily()).hasValue(80);
            assertThat(simvastatin.usualMaxDailyDose()).isEqualByComparingTo("40");
            assertThat(simvastatin.note()).contains("12 months");
        }

        @Test
        void colchicineTopsOutAt2Point4MgADay() {
            DoseLimit colchicine =
                    limits().limit(COLCHICINE, "oral", Population.ADULT).orElseThrow();

            assertThat(colchicine.maxDaily()).hasValue(2.4);
            assertThat(colchicine.dailyDoseExceeds(3.6, DoseUnit.MG, Double.NaN))
                    .isTrue();
            assertThat(colchicine.dailyDoseExceeds(2400, DoseUnit.MCG, Double.NaN))
                    .isFalse();
        }

        @Test
        void opioidsWithoutALabelCeilingAndUnknownDrugsHaveNoLimit() {
            assertThat(limits().limit(OXYCODONE, "oral", Population.ADULT)).isEmpty();
            assertThat(limits().limit(NOT_A_DRUG, "oral", Population.ADULT)).isEmpty();
            assertThat(limits().limit(IBUPROFEN, "rectal", Population.ADULT)).isEmpty();
            assertThat(limits().limit(IBUPROFEN, null, Population.ADULT)).isEmpty();
            assertThat(limits().limit(IBUPROFEN, "oral", null)).isEmpty();
        }

        @Test
        void everyRowRestsOnAnFdaLabelOrCommunication() {
            assertThat(limits().rows())
                    .hasSize(10)
                    .allSatisfy(row -> assertThat(row.citation().text()).contains("FDA"));
        }
    }

    @Nested
    class RouteConstraintsTable {

        private RouteConstraints routes() {
            return knowledge.routeConstraints();
        }

        @Test
        void vincristineGivenIntrathecallyIsForbidden() {
            RouteProblem problem = routes().problem(VINCRISTINE, "Injectable Solution", "intrathecal")
                    .orElseThrow();

            assertThat(problem.rule()).isEqualTo(RouteProblem.Rule.FORBIDDEN);
            assertThat(problem.route()).isEqualTo(Route.INTRATHECAL);
            assertThat(problem.consequence()).contains("fatal");
            assertThat(problem.citation().text()).contains("FATAL IF GIVEN BY OTHER ROUTES");
        }

        @ParameterizedTest(name = "vinca alkaloid {0} intrathecally")
        @CsvSource({"11202", "11198", "39541"})
        void noVincaAlkaloidMayBeGivenIntrathecally(int rxcui) {
            assertThat(routes().problem(rxcui, null, "intrathecal"))
                    .map(RouteProblem::rule)
                    .contains(RouteProblem.Rule.FORBIDDEN);
        }

        @Test
        void vincristineByAnyRouteButIntravenousBreaksItsOnlyRule() {
            RouteProblem intramuscular =
                    routes().problem(VINCRISTINE, null, "intramuscular").orElseThrow();

            assertThat(intramuscular.rule()).isEqualTo(RouteProblem.Rule.ONLY);
            assertThat(intramuscular.route()).isEqualTo(Route.INTRAVENOUS);
            assertThat(routes().problem(VINCRISTINE, "Injectable Solution", "intravenous"))
                    .isEmpty();
            assertThat(routes().problem(VINBLASTINE, null, "intravenous")).isEmpty();
            assertThat(routes().problem(VINORELBINE, null, "intravenous")).isEmpty();
        }

        @ParameterizedTest(name = "{0} intravenously")
        @CsvSource({"Oral Tablet", "Oral Capsule", "Extended Release Oral Tablet", "Oral Solution", "oral suspension"})
        void oralDoseFormsAreNeverGivenIntravenously(String doseForm) {
            RouteProblem problem =
                    routes().problem(ACETAMINOPHEN, doseForm, "intravenous").orElseThrow();

            assertThat(problem.kind()).isEqualTo(RouteProblem.Kind.DOSE_FORM);
            assertThat(problem.route()).isEqualTo(Route.INTRAVENOUS);
            assertThat(routes().problem(ACETAMINOPHEN, doseForm, "oral")).isEmpty();
        }

        @Test
        void nothingToSayWithoutAKnownRuleOrRoute() {
            assertThat(routes().problem(NOT_A_DRUG, null, "intrathecal")).isEmpty();
            assertThat(routes().problem(ACETAMINOPHEN, "Injectable Solution", "intravenous"))
                    .isEmpty();
            assertThat(routes().problem(VINCRISTINE, null, "by owl")).isEmpty();
            assertThat(routes().problem(VINCRISTINE, null, null)).isEmpty();
        }
    }

    @Nested
    class MmeTable {

        private MmeFactors mme() {
            return knowledge.mme();
        }

        static Stream<Arguments> cdc2022Factors() {
            return Stream.of(
                    Arguments.of(2670, "oral", 0.15),
                    Arguments.of(5489, "oral", 1.0),
                    Arguments.of(3423, "oral", 5.0),
                    Arguments.of(6813, "oral", 4.7),
                    Arguments.of(7052, "oral", 1.0),
                    Arguments.of(7804, "oral", 1.5),
                    Arguments.of(7814, "oral", 3.0),
                    Arguments.of(787390, "oral", 0.4),
                    Arguments.of(10689, "oral", 0.2),
                    Arguments.of(4337, "transdermal", 2.4));
        }

        @ParameterizedTest(name = "rxcui {0} {1}: {2}")
        @MethodSource("cdc2022Factors")
        void factorsAreThoseOfTheCdc2022Guideline(int rxcui, String route, double factor) {
            assertThat(mme().factor(rxcui, route)).hasValue(factor);
            assertThat(mme().row(rxcui, route).orElseThrow().citation().text()).contains("PMID 36327391");
        }

        @Test
        void theGuidelinesWorkedExamplesComeOut() {
            // hydrocodone 5 mg four times a day = 20 MME; oxycodone ER 10 mg twice a day = 30 MME
            assertThat(mme().mmePerDay(HYDROCODONE, "oral", 20, "mg").orElseThrow())
                    .isCloseTo(20, within(1e-9));
            assertThat(mme().mmePerDay(OXYCODONE, "oral", 20, "mg").orElseThrow())
                    .isCloseTo(30, within(1e-9));
            assertThat(mme().mmePerDay(OXYCODONE, "oral", 0.02, "g").orElseThrow())
                    .isCloseTo(30, within(1e-9));
        }

        @Test
        void aFentanylPatchIsConvertedPerMicrogramPerHour() {
            MmeFactor patch = mme().row(FENTANYL, "transdermal").orElseThrow();

            assertThat(patch.doseUnit()).isEqualTo(MmeDoseUnit.MCG_PER_HOUR);
            assertThat(mme().mmePerDay(FENTANYL, "transdermal", 25, "mcg/hr").orElseThrow())
                    .isCloseTo(60, within(1e-9));
            assertThat(mme().mmePerDay(FENTANYL, "transdermal", 25, "ug/h").orElseThrow())
                    .isCloseTo(60, within(1e-9));
            // a patch rate is never read as a daily dose in mg, and the factor is for patches only
            assertThat(mme().mmePerDay(FENTANYL, "transdermal", 25, "mg")).isEmpty();
            assertThat(mme().factor(FENTANYL, "intravenous")).isEmpty();
        }

        @Test
        void nonOpioidsAndUnknownRoutesHaveNoFactor() {
            assertThat(mme().factor(ACETAMINOPHEN, "oral")).isEmpty();
            assertThat(mme().factor(NOT_A_DRUG, "oral")).isEmpty();
            assertThat(mme().factor(OXYCODONE, "rectal")).isEmpty();
            assertThat(mme().mmePerDay(OXYCODONE, "oral", 20, "tablets")).isEmpty();
        }

        @Test
        void thresholdsAre50And90MmePerDay() {
            assertThat(mme().caution().mmePerDay()).isEqualByComparingTo("50");
            assertThat(mme().high().mmePerDay()).isEqualByComparingTo("90");
            assertThat(mme().thresholdReached(49.9)).isEmpty();
            assertThat(mme().thresholdReached(50)).contains(mme().caution());
            assertThat(mme().thresholdReached(89.9)).contains(mme().caution());
            assertThat(mme().thresholdReached(90)).contains(mme().high());
            // oxycodone 60 mg a day is 90 MME
            double total = mme().mmePerDay(OXYCODONE, "oral", 60, "mg").orElseThrow();
            assertThat(mme().thresholdReached(total)).contains(mme().high());
        }

        @Test
        void everyFactorNamesItsIngredientAsTheVocabularyDoes() {
            assertThat(mme().rows())
                    .hasSize(10)
                    .allSatisfy(row -> assertThat(
                                    drugs.ingredient(row.rxcui()).orElseThrow().name())
                            .isEqualTo(row.ingredientName()));
        }
    }
}
