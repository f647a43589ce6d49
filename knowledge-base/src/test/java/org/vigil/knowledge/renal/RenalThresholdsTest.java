package org.vigil.knowledge.renal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.knowledge.BundledKnowledge;

/** The bundled renal thresholds, asked the way the renal check asks them. */
class RenalThresholdsTest {

    private static final int METFORMIN = 6809;
    private static final int NITROFURANTOIN = 7454;
    private static final int DABIGATRAN = 1037042;
    private static final int RIVAROXABAN = 1114195;
    private static final int ENOXAPARIN = 67108;
    private static final int GABAPENTIN = 25480;
    private static final int IBUPROFEN = 5640;
    private static final int CELECOXIB = 140587;
    private static final int ASPIRIN = 1191;
    private static final int EPLERENONE = 298869;
    private static final int ALLOPURINOL = 519;
    private static final String EGFR = "egfr";
    private static final String CRCL = "creatinine_clearance";

    private static final RenalThresholds RENAL = RenalThresholds.parse(
            BundledKnowledge.tables(RenalThresholds.FILES), BundledKnowledge.DRUGS, BundledKnowledge.ANALYTE_IDS);

    @ParameterizedTest(name = "metformin at eGFR {0}: {1}")
    @CsvSource({"12, AVOID", "29.9, AVOID", "30, CAUTION", "44, CAUTION"})
    void metforminIsContraindicatedBelowThirtyAndNotToBeStartedBelowFortyFive(double egfr, RenalAction action) {
        assertThat(RENAL.breached(METFORMIN, EGFR, egfr))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(action);
    }

    @Test
    void metforminAtFortyFiveOrAboveIsFine() {
        assertThat(RENAL.breached(METFORMIN, EGFR, 45)).isEmpty();
        assertThat(RENAL.breached(METFORMIN, EGFR, 90)).isEmpty();
    }

    @Test
    void aThresholdOnEgfrIsNotBreachedByACreatinineClearance() {
        assertThat(RENAL.breached(METFORMIN, CRCL, 10)).isEmpty();
        assertThat(RENAL.breached(NITROFURANTOIN, EGFR, 10)).isEmpty();
    }

    @Test
    void dabigatranLabelSaysThirtyOrLessSoThirtyItselfNeedsTheReducedDose() {
        assertThat(RENAL.breached(DABIGATRAN, CRCL, 30))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.REDUCE_DOSE);
        assertThat(RENAL.breached(DABIGATRAN, CRCL, 31)).isEmpty();
        assertThat(RENAL.breached(DABIGATRAN, CRCL, 14))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.AVOID);
    }

    @Test
    void rivaroxabanNeedsTheLowerDoseAtFiftyAndIsAvoidedBelowFifteen() {
        assertThat(RENAL.breached(RIVAROXABAN, CRCL, 50))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.REDUCE_DOSE);
        assertThat(RENAL.breached(RIVAROXABAN, CRCL, 51)).isEmpty();
        assertThat(RENAL.breached(RIVAROXABAN, CRCL, 10))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.AVOID);
    }

    @Test
    void nitrofurantoinIsWeighedBelowSixtyAndAvoidedBelowThirty() {
        assertThat(RENAL.breached(NITROFURANTOIN, CRCL, 45))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.CAUTION);
        assertThat(RENAL.breached(NITROFURANTOIN, CRCL, 25)).get().satisfies(t -> {
            assertThat(t.action()).isEqualTo(RenalAction.AVOID);
            assertThat(t.citation().text()).contains("PMID 23341159");
        });
    }

    @Test
    void renallyClearedDrugsNeedADoseReduction() {
        assertThat(RENAL.breached(ENOXAPARIN, CRCL, 25))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.REDUCE_DOSE);
        assertThat(RENAL.breached(ENOXAPARIN, CRCL, 30)).isEmpty();
        assertThat(RENAL.breached(GABAPENTIN, CRCL, 59))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.REDUCE_DOSE);
    }

    @Test
    void everyNsaidIsAvoidedInAdvancedCkdButAspirinIsNotAnNsaidHere() {
        assertThat(RENAL.breached(IBUPROFEN, EGFR, 25)).get().satisfies(t -> {
            assertThat(t.action()).isEqualTo(RenalAction.AVOID);
            assertThat(t.drug().classId()).isEqualTo("nsaid");
        });
        assertThat(RENAL.breached(CELECOXIB, EGFR, 20)).isPresent();
        assertThat(RENAL.breached(IBUPROFEN, EGFR, 60)).isEmpty();
        assertThat(RENAL.thresholds(ASPIRIN)).isEmpty();
    }

    @Test
    void eplerenoneIsContraindicatedAtThirtyOrLessAndWatchedBelowFifty() {
        assertThat(RENAL.breached(EPLERENONE, CRCL, 30))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.AVOID);
        assertThat(RENAL.breached(EPLERENONE, CRCL, 40))
                .get()
                .extracting(RenalThreshold::action)
                .isEqualTo(RenalAction.CAUTION);
        assertThat(RENAL.breached(EPLERENONE, CRCL, 50)).isEmpty();
    }

    @Test
    void amongEqualActionsTheLowerThresholdIsTheStricterAnswer() {
        assertThat(RENAL.breached(ALLOPURINOL, CRCL, 15))
                .get()
                .extracting(t -> t.threshold().intValue())
                .isEqualTo(20);
        assertThat(RENAL.breached(ALLOPURINOL, CRCL, 5)).get().satisfies(t -> {
            assertThat(t.threshold().intValue()).isEqualTo(10);
            assertThat(t.advice()).contains("100 mg");
        });
    }

    @Test
    void thresholdsAreListedStrictestFirst() {
        assertThat(RENAL.thresholds(METFORMIN))
                .extracting(RenalThreshold::action)
                .containsExactly(RenalAction.AVOID, RenalAction.CAUTION);
        assertThat(RENAL.thresholds(DABIGATRAN))
                .extracting(t -> t.threshold().intValue())
                .containsExactly(15, 30);
    }

    @Test
    void unknownDrugsMeasuresAndValuesBreachNothing() {
        assertThat(RENAL.thresholds(123_456_789)).isEmpty();
        assertThat(RENAL.breached(123_456_789, EGFR, 5)).isEmpty();
        assertThat(RENAL.breached(METFORMIN, "creatinine", 5)).isEmpty();
        assertThat(RENAL.breached(METFORMIN, null, 5)).isEmpty();
        assertThat(RENAL.breached(METFORMIN, EGFR, Double.NaN)).isEmpty();
    }
}
