package org.vigil.knowledge.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.knowledge.KnowledgeSource;

/** The bundled condition table, seen the way a drug-disease rule sees it. */
class BundledConditionGroupsTest {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private static final ConditionGroups GROUPS = ConditionGroups.load(KnowledgeSource.classpath());

    @Test
    void aSnomedCodeFromTheValueSetFindsItsGroup() {
        assertThat(GROUPS.groupsOf(SNOMED, "84114007")).containsExactly("heart-failure");
        assertThat(GROUPS.groupsOf(SNOMED, "195967001")).containsExactly("asthma");
        assertThat(GROUPS.groupsOf(SNOMED, "77386006")).containsExactly("pregnancy");
    }

    @ParameterizedTest(name = "{0} is heart failure")
    @ValueSource(strings = {"I50.22", "I5022", "i50.22", " I50.22 ", "I50", "I50.9", "I50.814"})
    void anIcd10cmCodeBelowACategoryRowMatchesWithOrWithoutItsDotInAnyCase(String code) {
        assertThat(GROUPS.groupsOf(ICD10CM, code)).containsExactly("heart-failure");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "N18.31, ckd-stage-3a",
        "N18.32, ckd-stage-3b",
        "N18.4, ckd-stage-4",
        "N184, ckd-stage-4",
        "N18.5, ckd-stage-5",
        "N18.6, esrd",
    })
    void eachCkdStageCodeFallsInItsOwnStageOnly(String code, String stage) {
        assertThat(GROUPS.groupsOf(ICD10CM, code)).containsExactly(stage);
    }

    @Test
    void stageFourIsNotStageFiveAndUnstagedCkdTriggersNoStageRule() {
        assertThat(GROUPS.isIn("ckd-stage-4", ICD10CM, "N18.4")).isTrue();
        assertThat(GROUPS.isIn("ckd-stage-5", ICD10CM, "N18.4")).isFalse();
        assertThat(GROUPS.groupsOf(ICD10CM, "N18.9")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "N18.30")).isEmpty();
    }

    @Test
    void aNeighbouringCategoryIsNotCoveredByAPrefix() {
        assertThat(GROUPS.groupsOf(ICD10CM, "I51.9")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "J47.9")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "J45.909")).containsExactly("asthma");
        assertThat(GROUPS.groupsOf(ICD10CM, "J44.1")).containsExactly("copd");
    }

    @Test
    void exactIcd10cmRowsDoNotSpreadToOtherCodes() {
        assertThat(GROUPS.groupsOf(ICD10CM, "Z33.1")).containsExactly("pregnancy");
        assertThat(GROUPS.groupsOf(ICD10CM, "Z33.2")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "R00.1")).containsExactly("bradycardia");
        assertThat(GROUPS.groupsOf(ICD10CM, "R00.0")).isEmpty();
    }

    @Test
    void ectopicPregnancyIsLeftOutOfPregnancySoMethotrexateForItIsNotFlagged() {
        assertThat(GROUPS.groupsOf(SNOMED, "34801009")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "O00.101")).isEmpty();
        assertThat(GROUPS.groupsOf(ICD10CM, "O09.521")).containsExactly("pregnancy");
        assertThat(GROUPS.groupsOf(ICD10CM, "Z34.83")).containsExactly("pregnancy");
    }

    @Test
    void snomedCodesMatchExactlyAndNeverByPrefix() {
        assertThat(GROUPS.groupsOf(SNOMED, "8411400")).isEmpty();
        assertThat(GROUPS.groupsOf(SNOMED, "841140071")).isEmpty();
        assertThat(GROUPS.groupsOf(SNOMED, "I50.22")).isEmpty();
    }

    @ParameterizedTest(name = "unknown code ''{0}''")
    @ValueSource(strings = {"Z00.00", "I5", "I50.", ".I50", "I50..22", "I-50", "I50.222222", "not a code"})
    void anUnknownOrMalformedIcd10cmCodeFindsNothing(String code) {
        assertThat(GROUPS.groupsOf(ICD10CM, code)).isEmpty();
        assertThat(GROUPS.matches(ICD10CM, code)).isEmpty();
    }

    @ParameterizedTest(name = "system ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"http://hl7.org/fhir/sid/icd-10", "urn:oid:2.16.840.1.113883.6.96", "snomed", "icd10cm"})
    void anUnknownSystemFindsNothingEvenForAKnownCode(String system) {
        assertThat(GROUPS.groupsOf(system, "I50.22")).isEmpty();
        assertThat(GROUPS.groupsOf(system, "84114007")).isEmpty();
    }

    @Test
    void aNullCodeFindsNothing() {
        assertThat(GROUPS.groupsOf(SNOMED, null)).isEmpty();
        assertThat(GROUPS.matches(ICD10CM, null)).isEmpty();
    }

    @Test
    void theMatchingRowTellsWhichCodeAndSourceTheFindingRestsOn() {
        assertThat(GROUPS.matches(ICD10CM, "I50.22")).singleElement().satisfies(row -> {
            assertThat(row.groupId()).isEqualTo("heart-failure");
            assertThat(row.code()).isEqualTo("I50");
            assertThat(row.match()).isEqualTo(CodeMatch.PREFIX);
            assertThat(row.citation().text()).contains("ICD-10-CM Tabular List");
        });
        assertThat(GROUPS.matches(SNOMED, "74474003")).singleElement().satisfies(row -> {
            assertThat(row.groupId()).isEqualTo("gi-bleeding-or-peptic-ulcer");
            assertThat(row.citation().text()).contains("PDDI-CDS");
            assertThat(row.citation().url()).isEqualTo("http://hl7.org/fhir/uv/pddi/ValueSet/valueset-Hx-UGIB-snomed");
        });
    }

    @Test
    void aGroupCarriesItsNameAndEverySourceItsCodesComeFrom() {
        ConditionGroup asthma = GROUPS.group("asthma").orElseThrow();

        assertThat(asthma.name()).isEqualTo("Asthma");
        assertThat(asthma.citations())
                .extracting(citation -> citation.text())
                .anySatisfy(text -> assertThat(text).contains("ICD-10-CM Tabular List"))
                .anySatisfy(text -> assertThat(text).contains("VSAC value set Asthma 2.16.840.1.113883.3.526.3.362"));
        assertThat(asthma.codes()).hasSizeGreaterThan(40);
        assertThat(GROUPS.group("no-such-group")).isEmpty();
    }

    @Test
    void theGroupsADrugDiseaseTableNeedsAreAllThere() {
        assertThat(GROUPS.groupIds())
                .contains(
                        "heart-failure",
                        "asthma",
                        "copd",
                        "pregnancy",
                        "gi-bleeding-or-peptic-ulcer",
                        "ckd-stage-3a",
                        "ckd-stage-3b",
                        "ckd-stage-4",
                        "ckd-stage-5",
                        "esrd",
                        "cirrhosis",
                        "hepatic-failure",
                        "seizure-disorder",
                        "qt-prolongation",
                        "dementia",
                        "history-of-falls",
                        "myasthenia-gravis",
                        "parkinson-disease");
        for (String id : GROUPS.groupIds()) {
            ConditionGroup group = GROUPS.group(id).orElseThrow();
            assertThat(group.citations()).as(id).isNotEmpty();
            assertThat(group.codes()).as(id).isNotEmpty();
        }
    }

    @Test
    void resultsCannotBeChangedByACaller() {
        assertThatThrownBy(() -> GROUPS.groupsOf(ICD10CM, "I50.22").add("asthma"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> GROUPS.groupIds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
