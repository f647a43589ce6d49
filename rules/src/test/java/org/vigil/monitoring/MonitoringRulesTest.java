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
        return new PatientContext(
                new Patient("Patient/p1", LocalDate.of(1960, 3, 1), "male", TODAY),
                drafts,
                active,
                List.of(),
                List.of(),
                results,
                uncomparable);
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

    @Test
    void aPlateletCountInAnUnreadableUnitSilencesTheRow() {
        UncomparableResult unreadable =
                new UncomparableResult("Observation/plt", "platelets", "mg", "unit 'mg' cannot be converted");
        assertThat(evaluate(context(List.of(start(HEPARIN, "heparin")), List.of(), List.of(), List.of(unreadable))))
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
    void rowsWithoutACatalogAnalyteStayQuietBecauseNoResultCanBeSeen() {
        assertThat(KNOWLEDGE.monitoring().requirements(Integer.parseInt(GENTAMICIN)))
                .anySatisfy(row -> assertThat(row.catalogAnalyte()).isEmpty());
        assertThat(evaluate(start(GENTAMICIN, "gentamicin"))).isEmpty();
        assertThat(evaluate(renewal(LITHIUM, "lithium"))).isEmpty();
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
