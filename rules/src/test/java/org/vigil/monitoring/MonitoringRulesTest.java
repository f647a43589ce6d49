package org.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.byCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.lab.LabResult;
import org.vigil.lab.OtherResult;
import org.vigil.lab.UncomparableResult;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.Patient;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

class MonitoringRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant TODAY_START = Instant.parse("2026-11-22T00:00:00Z");

    static final String HEPARIN = "5224";
    static final String WARFARIN = "11289";
    static final String EPLERENONE = "298869";
    static final String SPIRONOLACTONE = "9997";
    static final String GENTAMICIN = "4413";
    static final String LITHIUM = "6448";

    static Instant daysAgo(int days) {
        return TODAY_START.minus(days, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);
    }

    static LabResult platelets(double value, Instant effective) {
        return new LabResult("Observation/plt", "platelets", "777-3", value, "10*9/L", effective, Double.NaN, null);
    }

    static LabResult inr(double value, Instant effective) {
        return new LabResult("Observation/inr", "inr", "6301-6", value, "{INR}", effective, Double.NaN, null);
    }

    static LabResult potassium(double value, Instant effective) {
        return new LabResult("Observation/k", "potassium", "2823-3", value, "mmol/L", effective, Double.NaN, null);
    }

    static OtherResult lithiumLevel(Instant effective) {
        return new OtherResult("Observation/li", "14334-7", effective);
    }

    static UncomparableResult unreadablePlatelets(Instant effective) {
        return new UncomparableResult(
                "Observation/plt", "platelets", "mg", "unit 'mg' cannot be converted to 10*9/L", effective);
    }

    static DraftOrder start(String rxcui, String display) {
        return new DraftOrder("MedicationRequest/d1", display, byCode(rxcui), 0, true);
    }

    static DraftOrder renewal(String rxcui, String display) {
        return new DraftOrder("MedicationRequest/d1", display, byCode(rxcui), 0, true, "MedicationRequest/old");
    }

    static PatientContext context(
            List<DraftOrder> drafts,
            List<ActiveMedication> active,
            List<LabResult> results,
            List<UncomparableResult> uncomparable) {
        return context(drafts, active, results, uncomparable, List.of());
    }

    static PatientContext context(
            List<DraftOrder> drafts,
            List<ActiveMedication> active,
            List<LabResult> results,
            List<UncomparableResult> uncomparable,
            List<OtherResult> other) {
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1960, 3, 1), "male", TODAY),
                drafts,
                active,
                List.of(),
                List.of(),
                results,
                uncomparable,
                other);
    }

    private static List<Finding> evaluate(PatientContext context) {
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("monitoring"))
                .toList();
    }

    private static List<Finding> evaluate(DraftOrder draft, LabResult... results) {
        return evaluate(context(List.of(draft), List.of(), List.of(results), List.of()));
    }

    @Test
    void heparinWithoutAPlateletCountAsksForTheBaseline() {
        List<Finding> findings = evaluate(start(HEPARIN, "heparin"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .isEqualTo("Heparin: no platelet count in the last 30 days; needed before the first dose");
            assertThat(finding.detail())
                    .contains("no platelet count on record")
                    .contains("a baseline before the first dose")
                    .contains("LOINC 777-3")
                    .contains("heparin-induced thrombocytopenia");
            assertThat(finding.citation().text()).contains("Heparin Sodium Injection");
            assertThat(finding.remedies()).singleElement().isInstanceOfSatisfying(Remedy.OrderLab.class, lab -> {
                assertThat(lab.loinc()).isEqualTo("777-3");
                assertThat(lab.testName()).isEqualTo("Platelets [#/volume] in Blood by Automated count");
                assertThat(lab.reason()).isEqualTo("Baseline before starting heparin (MON-002)");
            });
        });
    }

    @Test
    void aPlateletCountOlderThan30DaysIsNoBaseline() {
        List<Finding> findings = evaluate(start(HEPARIN, "heparin"), platelets(210, daysAgo(45)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-002");
            assertThat(finding.summary()).contains("last platelet count on 2026-10-08, over 30 days ago");
            assertThat(finding.detail()).contains("latest platelet count 210").contains("2026-10-08");
        });
    }

    @Test
    void aRecentPlateletCountIsTheBaseline() {
        assertThat(evaluate(start(HEPARIN, "heparin"), platelets(210, daysAgo(3))))
                .isEmpty();
        assertThat(evaluate(start(HEPARIN, "heparin"), platelets(210, daysAgo(30))))
                .isEmpty();
        assertThat(evaluate(start(HEPARIN, "heparin"), platelets(210, daysAgo(31))))
                .hasSize(1);
    }

    @Test
    void anUndatedPlateletCountCannotBeTheBaseline() {
        assertThat(evaluate(start(HEPARIN, "heparin"), platelets(210, null)))
                .extracting(Finding::ruleId)
                .containsExactly("MON-002");
    }

    private static List<Finding> evaluateWithLevels(DraftOrder draft, OtherResult... other) {
        return evaluate(context(List.of(draft), List.of(), List.of(), List.of(), List.of(other)));
    }

    @Test
    void aRecentPlateletCountInAnUnreadableUnitSilencesTheRow() {
        assertThat(evaluate(context(
                        List.of(start(HEPARIN, "heparin")),
                        List.of(),
                        List.of(),
                        List.of(unreadablePlatelets(daysAgo(3))))))
                .isEmpty();
    }

    @Test
    void anUndatedPlateletCountInAnUnreadableUnitSilencesTheRow() {
        assertThat(evaluate(context(
                        List.of(start(HEPARIN, "heparin")), List.of(), List.of(), List.of(unreadablePlatelets(null)))))
                .isEmpty();
    }

    @Test
    void aPlateletCountInAnUnreadableUnitOlderThanTheWindowDoesNotSilenceTheRow() {
        List<Finding> findings = evaluate(context(
                List.of(start(HEPARIN, "heparin")), List.of(), List.of(), List.of(unreadablePlatelets(daysAgo(45)))));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-002");
            assertThat(finding.summary())
                    .isEqualTo("Heparin: no platelet count in the last 30 days; the latest was on 2026-10-08; needed"
                            + " before the first dose");
            assertThat(finding.detail())
                    .contains("latest platelet count on 2026-10-08, older than 30 days")
                    .contains("cannot be converted");
        });
    }

    @Test
    void anInrInAnUnreadableUnitOlderThanTheIntervalDoesNotSilenceTheRenewal() {
        UncomparableResult old =
                new UncomparableResult("Observation/inr", "inr", "s", "unit 's' cannot be converted", daysAgo(40));
        UncomparableResult recent =
                new UncomparableResult("Observation/inr2", "inr", "s", "unit 's' cannot be converted", daysAgo(10));
        assertThat(evaluate(context(List.of(renewal(WARFARIN, "warfarin")), List.of(), List.of(), List.of(old))))
                .extracting(Finding::ruleId)
                .containsExactly("MON-001");
        assertThat(evaluate(
                        context(List.of(renewal(WARFARIN, "warfarin")), List.of(), List.of(), List.of(old, recent))))
                .isEmpty();
    }

    @Test
    void eplerenoneAsksForABaselinePotassiumButNotForSpironolactone() {
        assertThat(evaluate(start(EPLERENONE, "eplerenone")))
                .extracting(Finding::ruleId)
                .containsExactly("MON-003");
        assertThat(evaluate(start(EPLERENONE, "eplerenone"), potassium(4.2, daysAgo(7))))
                .isEmpty();
        // Spironolactone: first potassium within a week of starting, creatinine periodically: nothing yet.
        assertThat(evaluate(start(SPIRONOLACTONE, "spironolactone"))).isEmpty();
    }

    @Test
    void startingWarfarinAsksForNothingYet() {
        assertThat(evaluate(start(WARFARIN, "warfarin"))).isEmpty();
    }

    @Test
    void renewingWarfarinWithoutAnInrInTheIntervalAsksForOne() {
        List<Finding> findings = evaluate(renewal(WARFARIN, "warfarin 5 mg"), inr(2.4, daysAgo(40)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.summary())
                    .isEqualTo("Warfarin 5 mg: last INR on 2026-10-13, over 28 days ago; due at least every 28 days"
                            + " on therapy");
            assertThat(finding.detail())
                    .contains("continuing MedicationRequest/old")
                    .contains("latest INR 2.4")
                    .contains("at most 28 days between results");
            assertThat(((MonitoringFinding) finding).phase()).isEqualTo(MonitoringFinding.Phase.MAINTENANCE);
            assertThat(finding.remedies())
                    .containsExactly(new Remedy.OrderLab(
                            "6301-6",
                            "INR in Platelet poor plasma by Coagulation assay",
                            "Monitoring of warfarin: no result in the last 28 days (MON-001)"));
        });
        assertThat(evaluate(renewal(WARFARIN, "warfarin")))
                .extracting(Finding::ruleId)
                .containsExactly("MON-001");
    }

    @Test
    void renewingWarfarinWithARecentInrIsQuiet() {
        assertThat(evaluate(renewal(WARFARIN, "warfarin"), inr(2.4, daysAgo(10))))
                .isEmpty();
    }

    @Test
    void aNewWarfarinOrderWhileTakingWarfarinAppliesTheInterval() {
        ActiveMedication active = new ActiveMedication("MedicationRequest/a1", "warfarin", byCode(WARFARIN));
        List<Finding> findings = evaluate(context(
                List.of(start(WARFARIN, "warfarin")), List.of(active), List.of(inr(2.4, daysAgo(40))), List.of()));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-001");
            assertThat(((MonitoringFinding) finding).continues()).isEqualTo("MedicationRequest/a1");
        });
    }

    @Test
    void continuingHeparinNeedsNoNewBaselineAndHasNoInterval() {
        assertThat(evaluate(renewal(HEPARIN, "heparin"))).isEmpty();
        ActiveMedication active = new ActiveMedication("MedicationRequest/a1", "heparin", byCode(HEPARIN));
        assertThat(evaluate(context(List.of(start(HEPARIN, "heparin")), List.of(active), List.of(), List.of())))
                .isEmpty();
    }

    @Test
    void lithiumIsListedByItsSerumLevelLoincOutsideTheLabCatalog() {
        assertThat(KNOWLEDGE.monitoring().requirements(Integer.parseInt(LITHIUM)))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.id()).isEqualTo("MON-011");
                    assertThat(row.loinc()).isEqualTo("14334-7");
                    assertThat(row.catalogAnalyte()).isEmpty();
                    assertThat(row.interval()).isEqualTo(Period.ofMonths(2));
                });
    }

    @Test
    void renewingLithiumWithoutALevelInTwoMonthsAsksForOne() {
        List<Finding> findings =
                evaluateWithLevels(renewal(LITHIUM, "lithium carbonate 300 MG"), lithiumLevel(daysAgo(113)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-011");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isFalse();
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .isEqualTo("Lithium carbonate 300 MG: no lithium level in the last 2 months; the latest was on"
                            + " 2026-08-01; due at least every 2 months on therapy");
            assertThat(finding.detail())
                    .contains("continuing MedicationRequest/old")
                    .contains("latest lithium level on 2026-08-01, older than 2 months")
                    .contains("at most 2 months between results")
                    .contains("LOINC 14334-7");
            assertThat(((MonitoringFinding) finding).lastResult()).isEqualTo(lithiumLevel(daysAgo(113)));
            assertThat(finding.remedies())
                    .containsExactly(new Remedy.OrderLab(
                            "14334-7",
                            "Lithium [Moles/volume] in Serum or Plasma",
                            "Monitoring of lithium: no result in the last 2 months (MON-011)"));
        });
    }

    @Test
    void renewingLithiumWithNoLevelOnRecordAsksForOne() {
        assertThat(evaluate(renewal(LITHIUM, "lithium"))).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MON-011");
            assertThat(finding.summary()).startsWith("Lithium: no lithium level in the last 2 months; due at least");
            assertThat(finding.detail()).contains("no lithium level on record");
        });
        // An undated level cannot show that one was done within the interval.
        assertThat(evaluateWithLevels(renewal(LITHIUM, "lithium"), lithiumLevel(null)))
                .extracting(Finding::ruleId)
                .containsExactly("MON-011");
    }

    @Test
    void renewingLithiumWithALevelLastMonthIsQuiet() {
        assertThat(evaluateWithLevels(renewal(LITHIUM, "lithium"), lithiumLevel(daysAgo(30))))
                .isEmpty();
        // A level of another drug is no lithium level.
        assertThat(evaluateWithLevels(
                        renewal(LITHIUM, "lithium"), new OtherResult("Observation/v", "20578-1", daysAgo(3))))
                .extracting(Finding::ruleId)
                .containsExactly("MON-011");
    }

    @Test
    void aNewLithiumOrderWhileTakingLithiumAppliesTheIntervalButStartingItDoesNot() {
        ActiveMedication active = new ActiveMedication("MedicationRequest/a1", "lithium", byCode(LITHIUM));
        assertThat(evaluate(context(List.of(start(LITHIUM, "lithium")), List.of(active), List.of(), List.of())))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("MON-011");
                    assertThat(((MonitoringFinding) finding).continues()).isEqualTo("MedicationRequest/a1");
                });
        // MON-011 asks for no baseline: starting lithium asks for nothing yet.
        assertThat(evaluate(start(LITHIUM, "lithium"))).isEmpty();
    }

    @Test
    void gentamicinLevelsArePeriodicOnlySoNeverDueAtOrdering() {
        assertThat(KNOWLEDGE.monitoring().requirements(Integer.parseInt(GENTAMICIN)))
                .anySatisfy(row -> assertThat(row.catalogAnalyte()).isEmpty())
                .allSatisfy(row -> assertThat(row.periodicOnly()).isTrue());
        assertThat(evaluate(start(GENTAMICIN, "gentamicin"))).isEmpty();
        assertThat(evaluate(renewal(GENTAMICIN, "gentamicin"))).isEmpty();
        assertThat(evaluateWithLevels(
                        renewal(GENTAMICIN, "gentamicin"), new OtherResult("Observation/g", "35668-3", daysAgo(90))))
                .isEmpty();
    }

    @Test
    void onlyCheckedDraftOrdersAreChecked() {
        DraftOrder unchecked = new DraftOrder("MedicationRequest/d1", "heparin", byCode(HEPARIN), 0, false);
        assertThat(evaluate(unchecked)).isEmpty();
    }

    @Test
    void theBaselineWindowIsShortenedByAShorterInterval() {
        assertThat(KNOWLEDGE.monitoring().all())
                .allSatisfy(row -> assertThat(MonitoringFinding.baselineWindow(row))
                        .isIn(MonitoringFinding.BASELINE_LOOKBACK, row.interval()));
        assertThat(MonitoringFinding.window(Period.ofMonths(2))).isEqualTo("2 months");
        assertThat(MonitoringFinding.window(Period.ofDays(1))).isEqualTo("1 day");
    }
}
