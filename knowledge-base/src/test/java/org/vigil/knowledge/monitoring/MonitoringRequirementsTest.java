package org.vigil.knowledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.lab.LabCatalog;

/** The bundled monitoring table: the tests a pharmacist expects Vigil to ask for. */
class MonitoringRequirementsTest {

    private static final int WARFARIN = 11289;
    private static final int GENTAMICIN = 4413;
    private static final int TOBRAMYCIN = 10627;
    private static final int VANCOMYCIN = 11124;
    private static final int LITHIUM = 6448;
    private static final int HEPARIN = 5224;
    private static final int EPLERENONE = 298869;
    private static final int SPIRONOLACTONE = 9997;
    private static final int SIMVASTATIN = 36567;

    private static LabCatalog labs;
    private static MonitoringRequirements monitoring;

    @BeforeAll
    static void load() {
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.load(KnowledgeSource.classpath());
        labs = snapshot.labs();
        monitoring = MonitoringRequirements.load(KnowledgeSource.classpath(), snapshot.drugs(), labs);
    }

    private static List<String> loincs(int rxcui) {
        return monitoring.requirements(rxcui).stream()
                .map(MonitoringRequirement::loinc)
                .toList();
    }

    @Test
    void gentamicinRequiresASerumLevelAndRenalFunction() {
        List<MonitoringRequirement> gentamicin = monitoring.requirements(GENTAMICIN);

        assertThat(gentamicin).extracting(MonitoringRequirement::loinc).containsExactly("35668-3", "2160-0");
        MonitoringRequirement level = gentamicin.get(0);
        assertThat(level.testName()).containsIgnoringCase("gentamicin");
        assertThat(level.catalogAnalyte())
                .as("no gentamicin analyte in the lab catalog yet")
                .isEmpty();
        assertThat(level.periodicOnly()).isTrue();
        assertThat(gentamicin.get(1).catalogAnalyte().orElseThrow().id()).isEqualTo("creatinine");
    }

    @Test
    void otherNarrowTherapeuticIndexDrugsRequireTheirLevels() {
        assertThat(loincs(TOBRAMYCIN)).contains("35670-9");
        assertThat(loincs(VANCOMYCIN)).containsExactly("20578-1");
        assertThat(loincs(LITHIUM)).containsExactly("14334-7");
        assertThat(monitoring.requirements(LITHIUM).get(0).maintenanceInterval())
                .contains(Period.ofMonths(2));
    }

    @Test
    void warfarinRequiresAnInrSoonAfterStartingAndAtMostEveryFourWeeksOnceStable() {
        MonitoringRequirement inr = monitoring.requirements(WARFARIN).get(0);

        assertThat(inr.loinc()).isEqualTo("6301-6");
        assertThat(inr.catalogAnalyte().orElseThrow().id()).isEqualTo("inr");
        assertThat(inr.firstCheckWithin()).contains(Period.ofDays(1));
        assertThat(inr.maintenanceInterval()).contains(Period.ofDays(28));
        assertThat(inr.baseline()).isFalse();
    }

    @Test
    void heparinAndEplerenoneNeedABaselineBeforeTheFirstDose() {
        assertThat(monitoring.requirements(HEPARIN)).singleElement().satisfies(platelets -> {
            assertThat(platelets.loinc()).isEqualTo("777-3");
            assertThat(platelets.baseline()).isTrue();
        });
        assertThat(monitoring.requirements(EPLERENONE)).singleElement().satisfies(potassium -> {
            assertThat(potassium.catalogAnalyte().orElseThrow().id()).isEqualTo("potassium");
            assertThat(potassium.baseline()).isTrue();
            assertThat(potassium.firstCheckWithin()).contains(Period.ofDays(7));
        });
        assertThat(monitoring.requirements(SPIRONOLACTONE))
                .extracting(MonitoringRequirement::loinc)
                .containsExactly("2823-3", "2160-0");
    }

    @Test
    void aDrugWithoutRequirementsOrAnUnknownCodeRequiresNothing() {
        assertThat(monitoring.requirements(SIMVASTATIN)).isEmpty();
        assertThat(monitoring.requirements(999_999_999)).isEmpty();
    }

    @Test
    void everyCatalogTestIsOrderedByOneOfItsAnalytesCodesAndEveryRowCitesASource() {
        assertThat(monitoring.all()).hasSize(11);
        assertThat(monitoring.all()).allSatisfy(requirement -> {
            requirement
                    .catalogAnalyte()
                    .ifPresent(analyte -> assertThat(labs.analyteForLoinc(requirement.loinc()))
                            .contains(analyte));
            if (requirement.catalogAnalyte().isEmpty()) {
                assertThat(labs.analyteForLoinc(requirement.loinc())).isEmpty();
            }
            assertThat(requirement.citation().text()).isNotBlank();
            assertThat(requirement.schedule()).isNotBlank();
        });
        assertThat(MonitoringRequirements.FILES).containsExactly("monitoring.tsv");
    }
}
