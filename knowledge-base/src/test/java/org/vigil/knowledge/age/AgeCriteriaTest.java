package org.vigil.knowledge.age;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.knowledge.BundledKnowledge;

/** The bundled age criteria, asked the way the age check asks them. */
class AgeCriteriaTest {

    private static final int CODEINE = 2670;
    private static final int TRAMADOL = 10689;
    private static final int ASPIRIN = 1191;
    private static final int GLYBURIDE = 4815;
    private static final int DIAZEPAM = 3322;
    private static final int MIDAZOLAM = 6960;
    private static final int METFORMIN = 6809;
    private static final int DIPHENHYDRAMINE = 3498;

    private static final AgeCriteria CRITERIA =
            AgeCriteria.parse(BundledKnowledge.tables(AgeCriteria.FILES), BundledKnowledge.DRUGS);

    @ParameterizedTest(name = "codeine and tramadol at {0} years are contraindicated")
    @ValueSource(ints = {0, 3, 11})
    void codeineAndTramadolAreContraindicatedUnderTwelve(int age) {
        for (int opioid : new int[] {CODEINE, TRAMADOL}) {
            assertThat(CRITERIA.criteria(opioid, age)).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(AgeAction.CONTRAINDICATED);
                assertThat(c.population()).isEqualTo(AgePopulation.PEDIATRIC);
                assertThat(c.citation().text()).contains("Drug Safety Communication");
            });
        }
    }

    @Test
    void aTwelveYearOldIsNoLongerInTheCodeineContraindication() {
        assertThat(CRITERIA.criteria(CODEINE, 12)).isEmpty();
        assertThat(CRITERIA.criteria(TRAMADOL, 40)).isEmpty();
    }

    @Test
    void aspirinInTeenagersCarriesTheReyeSyndromeCautionAndAdultsDoNot() {
        assertThat(CRITERIA.criteria(ASPIRIN, 15)).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(AgeAction.CAUTION);
            assertThat(c.rationale()).contains("Reye");
        });
        assertThat(CRITERIA.criteria(ASPIRIN, 19)).hasSize(1);
        assertThat(CRITERIA.criteria(ASPIRIN, 20)).isEmpty();
    }

    @Test
    void glyburideIsToBeAvoidedFromSixtyFive() {
        assertThat(CRITERIA.criteria(GLYBURIDE, 64)).isEmpty();
        assertThat(CRITERIA.criteria(GLYBURIDE, 65)).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(AgeAction.AVOID);
            assertThat(c.population()).isEqualTo(AgePopulation.OLDER_ADULT);
            assertThat(c.citation().text()).contains("PMID 8675920");
        });
    }

    @Test
    void everyBenzodiazepineInheritsTheClassRowForOlderAdults() {
        assertThat(CRITERIA.criteria(DIAZEPAM, 82))
                .singleElement()
                .satisfies(c -> assertThat(c.drug().classId()).isEqualTo("benzodiazepine"));
        assertThat(CRITERIA.criteria(MIDAZOLAM, 70)).hasSize(1);
        assertThat(CRITERIA.criteria(DIAZEPAM, 40)).isEmpty();
    }

    @Test
    void diphenhydramineIsToBeAvoidedInOlderAdultsForItsAnticholinergicEffects() {
        assertThat(CRITERIA.criteria(DIPHENHYDRAMINE, 78)).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(AgeAction.AVOID);
            assertThat(c.citation().url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/11570937/");
        });
        assertThat(CRITERIA.criteria(DIPHENHYDRAMINE, 30)).isEmpty();
    }

    @Test
    void aDrugWithoutAgeCriteriaAndANonsenseAgeGiveNothing() {
        assertThat(CRITERIA.criteria(METFORMIN, 90)).isEmpty();
        assertThat(CRITERIA.criteria(123_456_789, 5)).isEmpty();
        assertThat(CRITERIA.criteria(CODEINE, -1)).isEmpty();
    }

    @Test
    void everyRowIsReachableThroughTheIndex() {
        assertThat(CRITERIA.all()).hasSize(7);
        CRITERIA.all().forEach(row -> {
            int member = row.drug().ingredients().iterator().next();
            int age = row.minAge() != null ? row.minAge() : row.maxAge();
            assertThat(CRITERIA.criteria(member, age)).contains(row);
        });
    }
}
