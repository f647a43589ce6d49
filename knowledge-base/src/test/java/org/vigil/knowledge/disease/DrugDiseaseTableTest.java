package org.vigil.knowledge.disease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.BundledKnowledge;

/** The bundled drug-disease table, asked the way the disease check asks it. */
class DrugDiseaseTableTest {

    private static final int IBUPROFEN = 5640;
    private static final int PROPRANOLOL = 8787;
    private static final int METOPROLOL = 6918;
    private static final int HALOPERIDOL = 5093;
    private static final int OLANZAPINE = 61381;
    private static final int LISINOPRIL = 29046;
    private static final int LOSARTAN = 52175;
    private static final int WARFARIN = 11289;
    private static final int BUPROPION = 42347;
    private static final int CIPROFLOXACIN = 2551;
    private static final int PIOGLITAZONE = 33738;
    private static final int AMLODIPINE = 17767;
    private static final int VERAPAMIL = 11170;
    private static final int DILTIAZEM = 3443;

    private static final DrugDiseaseTable TABLE = DrugDiseaseTable.parse(
            BundledKnowledge.tables(DrugDiseaseTable.FILES),
            BundledKnowledge.DRUGS,
            BundledKnowledge.CONDITION_GROUP_IDS);

    @Test
    void anNsaidInHeartFailureIsAMajorInterruptiveConflict() {
        assertThat(TABLE.contraindications(IBUPROFEN, Set.of("heart-failure")))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(DiseaseSeverity.MAJOR);
                    assertThat(d.interruptive()).isTrue();
                    assertThat(d.drug().classId()).isEqualTo("nsaid");
                    assertThat(d.citation().text()).contains("PMID 27400984");
                });
    }

    @Test
    void aNonSelectiveBetaBlockerIsContraindicatedInAsthmaButACardioselectiveOneIsNotListed() {
        assertThat(TABLE.contraindications(PROPRANOLOL, Set.of("asthma")))
                .singleElement()
                .extracting(DrugDisease::severity)
                .isEqualTo(DiseaseSeverity.CONTRAINDICATED);
        assertThat(TABLE.contraindications(METOPROLOL, Set.of("asthma"))).isEmpty();
        assertThat(TABLE.contraindications(METOPROLOL, Set.of("av-block-2nd-3rd-degree")))
                .hasSize(1);
    }

    @Test
    void everyAntipsychoticCarriesTheDementiaBoxedWarning() {
        for (int antipsychotic : new int[] {HALOPERIDOL, OLANZAPINE}) {
            assertThat(TABLE.contraindications(antipsychotic, Set.of("dementia")))
                    .singleElement()
                    .satisfies(d -> assertThat(d.rationale()).contains("dementia"));
        }
    }

    @Test
    void reninAngiotensinDrugsAndWarfarinConflictWithPregnancy() {
        assertThat(TABLE.contraindications(LISINOPRIL, Set.of("pregnancy"))).hasSize(1);
        assertThat(TABLE.contraindications(LOSARTAN, Set.of("pregnancy"))).hasSize(1);
        assertThat(TABLE.contraindications(WARFARIN, Set.of("pregnancy")))
                .singleElement()
                .extracting(DrugDisease::severity)
                .isEqualTo(DiseaseSeverity.CONTRAINDICATED);
    }

    @Test
    void severalConditionsGiveEveryConflictStrongestFirst() {
        assertThat(TABLE.contraindications(IBUPROFEN, Set.of("pregnancy", "asthma", "heart-failure", "ckd-stage-4")))
                .extracting(DrugDisease::conditionGroup, DrugDisease::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("heart-failure", DiseaseSeverity.MAJOR),
                        org.assertj.core.groups.Tuple.tuple("ckd-stage-4", DiseaseSeverity.MAJOR),
                        org.assertj.core.groups.Tuple.tuple("pregnancy", DiseaseSeverity.MODERATE));
    }

    @Test
    void labelContraindicationsOfSingleDrugsAreFound() {
        assertThat(TABLE.contraindications(BUPROPION, Set.of("seizure-disorder")))
                .hasSize(1);
        assertThat(TABLE.contraindications(CIPROFLOXACIN, Set.of("myasthenia-gravis")))
                .hasSize(1);
        assertThat(TABLE.contraindications(PIOGLITAZONE, Set.of("heart-failure")))
                .hasSize(1);
    }

    @Test
    void nonDihydropyridineCalciumChannelBlockersConflictWithHeartFailureWhileAmlodipineDoesNot() {
        assertThat(TABLE.contraindications(VERAPAMIL, Set.of("heart-failure")))
                .singleElement()
                .extracting(DrugDisease::severity)
                .isEqualTo(DiseaseSeverity.MAJOR);
        assertThat(TABLE.contraindications(DILTIAZEM, Set.of("heart-failure", "av-block-2nd-3rd-degree")))
                .extracting(DrugDisease::conditionGroup)
                .containsExactly("av-block-2nd-3rd-degree", "heart-failure");
        assertThat(TABLE.contraindications(AMLODIPINE, Set.of("heart-failure"))).isEmpty();
    }

    @Test
    void noConditionsUnknownDrugsOrUnrelatedConditionsGiveNothing() {
        assertThat(TABLE.contraindications(IBUPROFEN, Set.of())).isEmpty();
        assertThat(TABLE.contraindications(IBUPROFEN, null)).isEmpty();
        assertThat(TABLE.contraindications(AMLODIPINE, Set.of("heart-failure", "asthma")))
                .isEmpty();
        assertThat(TABLE.contraindications(123_456_789, Set.of("pregnancy"))).isEmpty();
        assertThat(TABLE.contraindications(PROPRANOLOL, Set.of("dementia", "no-such-group")))
                .isEmpty();
    }
}
