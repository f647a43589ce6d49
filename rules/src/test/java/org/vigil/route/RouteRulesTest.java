package org.vigil.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.byCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.dose.Route;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

class RouteRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    static final String VINCRISTINE = "11202";
    static final String VINBLASTINE = "11198";
    static final String VINORELBINE = "39541";
    static final String LORAZEPAM = "6470";
    static final String LORAZEPAM_1_MG_ORAL_TABLET = "197901";
    static final String LORAZEPAM_2_MG_ML_INJECTABLE_SOLUTION = "238100";
    static final String DIAZEPAM_5_MG_ML_ORAL_SOLUTION = "309844";
    static final String AMLODIPINE_ATORVASTATIN_ORAL_TABLET = "597977";

    private static List<Finding> evaluate(PatientContext context) {
        return ENGINE.evaluate(context, KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("route"))
                .toList();
    }

    private static List<Finding> evaluate(DraftOrder... drafts) {
        return evaluate(PatientContext.of(List.of(drafts), List.of(), List.of()));
    }

    static Dosage route(String route, String text) {
        return new Dosage(null, null, Double.NaN, Double.NaN, route, text, null, false);
    }

    static DraftOrder draft(String id, String display, String rxcui, Dosage dosage) {
        return new DraftOrder("MedicationRequest/" + id, display, byCode(rxcui), 0, true, null, dosage);
    }

    @Test
    void vincristineIntrathecalIsACriticalInterruptiveNeverEvent() {
        List<Finding> findings =
                evaluate(draft("d1", "vincristine", VINCRISTINE, route("intrathecal", "Intrathecal route")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RC-101");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/d1");
            assertThat(finding.summary())
                    .hasSizeLessThan(140)
                    .isEqualTo("Vincristine ordered intrathecal: vincristine given intrathecally is usually fatal;"
                            + " intravenous only");
            assertThat(finding.detail())
                    .contains("ordered by route **Intrathecal route** (read as intrathecal)")
                    .contains("**Dose form:** not known")
                    .contains("vincristine: never intrathecal")
                    .contains("usually fatal")
                    .contains("intravenous use only");
            assertThat(finding.citation().text()).contains("FDA label vincristine");
            assertThat(finding.remedies()).containsExactly(new Remedy.RemoveOrder(finding.order()));
            assertThat(((RouteFinding) finding).onlyRoute()).isEqualTo(Route.INTRAVENOUS);
        });
    }

    @Test
    void vincristineByMouthBreaksTheIntravenousOnlyRow() {
        List<Finding> findings = evaluate(draft("d1", "vincristine", VINCRISTINE, route("oral", "oral")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RC-102");
            assertThat(finding.summary())
                    .isEqualTo("Vincristine ordered oral: vincristine is for intravenous use only; fatal if given by"
                            + " other routes");
            assertThat(finding.detail()).contains("vincristine: intravenous only");
        });
    }

    @Test
    void vincristineByAnyOtherKnownRouteBreaksTheIntravenousOnlyRowToo() {
        for (String other : List.of("rectal", "sublingual", "intramuscular", "intraperitoneal")) {
            assertThat(evaluate(draft("d1", "vincristine", VINCRISTINE, route(other, other))))
                    .as(other)
                    .extracting(Finding::ruleId)
                    .containsExactly("RC-102");
        }
    }

    @Test
    void vinblastineAndVinorelbineIntrathecalAlertWithTheirOwnRows() {
        assertThat(evaluate(draft("d1", "vinblastine", VINBLASTINE, route("intrathecal", null))))
                .extracting(Finding::ruleId)
                .containsExactly("RC-103");
        assertThat(evaluate(draft("d1", "vinorelbine", VINORELBINE, route("intrathecal", null))))
                .extracting(Finding::ruleId)
                .containsExactly("RC-105");
    }

    @Test
    void vincaAlkaloidsIntravenousAreQuiet() {
        assertThat(evaluate(
                        draft("d1", "vincristine", VINCRISTINE, route("intravenous", "IV")),
                        draft("d2", "vinblastine", VINBLASTINE, route("intravenous", null)),
                        draft("d3", "vinorelbine", VINORELBINE, route("intravenous", null))))
                .isEmpty();
    }

    @Test
    void oralTabletInjectedIntravenouslyIsADoseFormRow() {
        List<Finding> findings = evaluate(
                draft("d1", "lorazepam 1 MG Oral Tablet", LORAZEPAM_1_MG_ORAL_TABLET, route("intravenous", "IV")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("RC-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.summary())
                    .isEqualTo("Lorazepam 1 MG Oral Tablet ordered intravenous: Oral Tablet is an oral dose form;"
                            + " never inject it intravenously");
            assertThat(finding.detail())
                    .contains("**Dose form:** Oral Tablet")
                    .contains("Oral Tablet: never intravenous")
                    .contains("made for the route you intend");
        });
    }

    @Test
    void oralSolutionInjectedIntravenouslyAlerts() {
        assertThat(evaluate(draft(
                        "d1",
                        "diazepam 5 MG/ML Oral Solution",
                        DIAZEPAM_5_MG_ML_ORAL_SOLUTION,
                        route("intravenous", null))))
                .extracting(Finding::ruleId)
                .containsExactly("RC-009");
    }

    @Test
    void aCombinationTabletGivesOneProblemForItsOrder() {
        List<Finding> findings = evaluate(draft(
                "d1", "amlodipine / atorvastatin", AMLODIPINE_ATORVASTATIN_ORAL_TABLET, route("intravenous", null)));

        assertThat(findings)
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo("RC-001"));
        assertThat(findings.stream().map(Finding::problemKey).distinct())
                .containsExactly("RC-001|MedicationRequest/d1");
    }

    @Test
    void theRightRouteForTheDoseFormIsQuiet() {
        assertThat(evaluate(
                        draft("d1", "lorazepam tablet", LORAZEPAM_1_MG_ORAL_TABLET, route("oral", "by mouth")),
                        draft(
                                "d2",
                                "lorazepam injection",
                                LORAZEPAM_2_MG_ML_INJECTABLE_SOLUTION,
                                route("intravenous", "IV"))))
                .isEmpty();
    }

    @Test
    void anUnstatedOrUnknownRouteIsQuiet() {
        assertThat(evaluate(draft("d1", "lorazepam tablet", LORAZEPAM_1_MG_ORAL_TABLET, Dosage.UNSTATED)))
                .isEmpty();
        assertThat(evaluate(draft("d1", "lorazepam tablet", LORAZEPAM_1_MG_ORAL_TABLET, route(null, "rectal"))))
                .isEmpty();
    }

    @Test
    void anUnknownDoseFormIsQuiet() {
        assertThat(evaluate(draft("d1", "lorazepam", LORAZEPAM, route("intravenous", "IV"))))
                .isEmpty();
    }

    @Test
    void onlyCheckedDraftOrdersAreChecked() {
        DraftOrder unchecked = new DraftOrder(
                "MedicationRequest/d1", "vincristine", byCode(VINCRISTINE), 0, false, null, route("intrathecal", null));
        ActiveMedication active = new ActiveMedication(
                "MedicationRequest/a1",
                "lorazepam tablet",
                byCode(LORAZEPAM_1_MG_ORAL_TABLET),
                route("intravenous", null));

        assertThat(evaluate(PatientContext.of(List.of(unchecked), List.of(active), List.of())))
                .isEmpty();
    }

    @Test
    void twoOrdersGiveTwoCards() {
        List<Finding> findings = evaluate(
                draft("d1", "vincristine", VINCRISTINE, route("intrathecal", null)),
                new DraftOrder(
                        "MedicationRequest/d2",
                        "lorazepam tablet",
                        byCode(LORAZEPAM_1_MG_ORAL_TABLET),
                        1,
                        true,
                        null,
                        route("intravenous", null)));

        assertThat(findings)
                .extracting(Finding::problemKey)
                .containsExactlyInAnyOrder("RC-101|MedicationRequest/d1", "RC-001|MedicationRequest/d2");
    }
}
