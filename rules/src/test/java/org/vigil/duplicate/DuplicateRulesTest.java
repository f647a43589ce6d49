package org.vigil.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.vigil.rules.Facts.KNOWLEDGE;
import static org.vigil.rules.Facts.active;
import static org.vigil.rules.Facts.byCode;
import static org.vigil.rules.Facts.context;
import static org.vigil.rules.Facts.draft;
import static org.vigil.rules.Facts.draftNamed;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.Urgency;

class DuplicateRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    static final String ATORVASTATIN_20 = "617310";
    static final String ROSUVASTATIN_10 = "859747";
    static final String ATORVASTATIN = "83367";
    static final String ROSUVASTATIN = "301542";
    static final String LISINOPRIL = "29046";
    static final String LOSARTAN = "52175";
    static final String ACETAMINOPHEN = "161";
    static final String HYDROCODONE_APAP = "857002";
    static final String AMLODIPINE_ATORVASTATIN = "597980";
    static final String FUROSEMIDE = "4603";

    private static List<Finding> evaluate(List<DraftOrder> drafts, List<ActiveMedication> active) {
        return ENGINE.evaluate(context(drafts, active, List.of()), KNOWLEDGE).stream()
                .filter(finding -> finding.check().equals("duplicate"))
                .toList();
    }

    private static DraftOrder renewal(String id, String rxcui, String replaces) {
        return new DraftOrder("MedicationRequest/" + id, id, byCode(rxcui), 0, true, "MedicationRequest/" + replaces);
    }

    @Test
    void twoStatinsDraftAgainstActiveAreAClassDuplicate() {
        List<Finding> findings =
                evaluate(List.of(draft("rosu", ROSUVASTATIN_10, 0)), List.of(active("atorva", ATORVASTATIN_20)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DUP-002");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.interruptive()).isTrue();
            assertThat(((DuplicateFinding) finding).duplication().label()).isEqualTo("two statins");
            assertThat(finding.summary()).hasSizeLessThan(140);
            assertThat(finding.detail()).contains("rosuvastatin", "atorvastatin", "DTH-004");
        });
    }

    @Test
    void anAceInhibitorWithAnArbIsAClassDuplicate() {
        assertThat(evaluate(List.of(draft("losartan", LOSARTAN, 0)), List.of(active("lisinopril", LISINOPRIL))))
                .extracting(Finding::ruleId, Finding::urgency)
                .containsExactly(tuple("DUP-002", Urgency.WARNING));
    }

    @Test
    void acetaminophenAloneAndInACombinationIsTheSameIngredient() {
        List<Finding> findings =
                evaluate(List.of(draft("norco", HYDROCODONE_APAP, 0)), List.of(active("apap", ACETAMINOPHEN)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DUP-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(finding.summary()).contains("acetaminophen").hasSizeLessThan(140);
        });
    }

    @Test
    void aSharedIngredientAndAClassMakeOneCardPerPair() {
        // amlodipine/atorvastatin with rosuvastatin: class only; with atorvastatin: same ingredient only.
        assertThat(evaluate(
                        List.of(draft("caduet", AMLODIPINE_ATORVASTATIN, 0)), List.of(active("atorva", ATORVASTATIN))))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-001");
        assertThat(evaluate(
                        List.of(draft("caduet", AMLODIPINE_ATORVASTATIN, 0)), List.of(active("rosu", ROSUVASTATIN))))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-002");
    }

    @Test
    void twoCheckedDraftsAreReportedOnce() {
        assertThat(evaluate(List.of(draft("atorva", ATORVASTATIN_20, 0), draft("rosu", ROSUVASTATIN_10, 1)), List.of()))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-002");
        assertThat(evaluate(
                        List.of(
                                draft("norco", HYDROCODONE_APAP, 0),
                                draftNamed("apap", "Acetaminophen 500 MG Oral Tablet", 1)),
                        List.of()))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-001");
    }

    @Test
    void anUncheckedDraftIsComparedWithTheCheckedOneOnce() {
        DraftOrder unchecked = new DraftOrder("MedicationRequest/atorva", "atorva", byCode(ATORVASTATIN_20), 0, false);
        assertThat(evaluate(List.of(unchecked, draft("rosu", ROSUVASTATIN_10, 1)), List.of()))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-002");
    }

    @Test
    void twoUncheckedDraftsAreNotChecked() {
        DraftOrder a = new DraftOrder("MedicationRequest/a", "a", byCode(ATORVASTATIN_20), 0, false);
        DraftOrder b = new DraftOrder("MedicationRequest/b", "b", byCode(ROSUVASTATIN_10), 1, false);
        assertThat(evaluate(List.of(a, b), List.of())).isEmpty();
    }

    @Test
    void aRenewalOfTheActiveOrderIsNotADuplicate() {
        assertThat(evaluate(
                        List.of(renewal("atorva-40", "617311", "atorva-20")),
                        List.of(active("atorva-20", ATORVASTATIN_20))))
                .isEmpty();
    }

    @Test
    void aRenewalStillDuplicatesAnotherActiveMedication() {
        assertThat(evaluate(
                        List.of(renewal("atorva-40", "617311", "atorva-20")),
                        List.of(active("atorva-20", ATORVASTATIN_20), active("rosu", ROSUVASTATIN_10))))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("DUP-002");
                    assertThat(((DuplicateFinding) finding).other().reference()).isEqualTo("MedicationRequest/rosu");
                });
    }

    @Test
    void theSameClinicalDrugAsTheActiveOrderIsARenewal() {
        assertThat(evaluate(
                        List.of(draft("atorva", ATORVASTATIN_20, 0)), List.of(active("atorva-old", ATORVASTATIN_20))))
                .isEmpty();
    }

    @Test
    void theSameIngredientInAnotherStrengthWithoutPriorPrescriptionIsADuplicate() {
        assertThat(evaluate(List.of(draft("atorva-40", "617311", 0)), List.of(active("atorva-20", ATORVASTATIN_20))))
                .extracting(Finding::ruleId)
                .containsExactly("DUP-001");
    }

    @Test
    void twoUnrelatedDrugsAreNotDuplicates() {
        assertThat(evaluate(List.of(draft("furosemide", FUROSEMIDE, 0)), List.of(active("atorva", ATORVASTATIN_20))))
                .isEmpty();
    }

    @Test
    void theSameDraftAloneIsNotADuplicateOfItself() {
        assertThat(evaluate(List.of(draft("norco", HYDROCODONE_APAP, 0)), List.of()))
                .isEmpty();
    }
}
