package org.vigil.knowledge.druglab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.Severity;
import org.vigil.knowledge.lab.LabCatalog;

/** The bundled drug-lab table: what a prescriber would expect it to flag, and what it must not. */
class DrugLabRulesTest {

    private static final int WARFARIN = 11289;
    private static final int DIGOXIN = 3407;
    private static final int HEPARIN = 5224;
    private static final int ENOXAPARIN = 67108;
    private static final int EPLERENONE = 298869;
    private static final int SIMVASTATIN = 36567;

    private static LabCatalog labs;
    private static DrugLabRules rules;

    @BeforeAll
    static void load() {
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.load(KnowledgeSource.classpath());
        labs = snapshot.labs();
        rules = DrugLabRules.load(KnowledgeSource.classpath(), snapshot.drugs(), labs);
    }

    private static DrugLabRule only(int rxcui, String analyte) {
        List<DrugLabRule> found = rules.rules(rxcui).stream()
                .filter(rule -> rule.analyte().id().equals(analyte))
                .toList();
        assertThat(found).as("rules of %s on %s", rxcui, analyte).hasSize(1);
        return found.get(0);
    }

    @Test
    void warfarinWithAnInrOf4point5BreachesButATherapeuticInrOf2point5DoesNot() {
        DrugLabRule inr = only(WARFARIN, "inr");

        assertThat(inr.breachedBy(4.5)).isTrue();
        assertThat(inr.breachedBy(2.5)).isFalse();
        assertThat(inr.breachedBy(4.0))
                .as("the label's limit is 'greater than 4.0'")
                .isFalse();
        assertThat(inr.severity()).isEqualTo(Severity.MAJOR);
        assertThat(inr.interruptive()).isTrue();
        assertThat(inr.lookbackWindow()).contains(Period.ofDays(28));
        assertThat(inr.citation().text()).containsIgnoringCase("warfarin").contains("5.1 Hemorrhage");
    }

    @Test
    void digoxinWithAPotassiumOf3BreachesAndANormalPotassiumDoesNot() {
        DrugLabRule potassium = only(DIGOXIN, "potassium");

        assertThat(potassium.breachedBy(3.0)).isTrue();
        assertThat(potassium.breachedBy(3.5))
                .as("PDDI-CDS counts only > 3.5 as normal")
                .isTrue();
        assertThat(potassium.breachedBy(4.2)).isFalse();
        assertThat(potassium.citation().text()).contains("PDDI-CDS");
    }

    @Test
    void aPotassiumReportedInMilliequivalentsIsComparedAfterConversionToTheCanonicalUnit() {
        DrugLabRule potassium = only(DIGOXIN, "potassium");
        double canonical = labs.canonicalValueOrNaN(potassium.analyte(), 3.0, "mEq/L");

        assertThat(potassium.breachedBy(canonical)).isTrue();
        assertThat(potassium.breachedBy(Double.NaN))
                .as("an unconvertible value never alerts")
                .isFalse();
    }

    @Test
    void digoxinIsCheckedForItsOwnLevelAndTheElectrolytesThatPotentiateIt() {
        assertThat(rules.rules(DIGOXIN))
                .extracting(rule -> rule.analyte().id())
                .containsExactlyInAnyOrder("potassium", "magnesium", "calcium", "digoxin");
        assertThat(only(DIGOXIN, "digoxin").breachedBy(2.4)).isTrue();
        assertThat(only(DIGOXIN, "digoxin").breachedBy(1.0)).isFalse();
        assertThat(only(DIGOXIN, "calcium").breachedBy(11.0)).isTrue();
        assertThat(only(DIGOXIN, "magnesium").breachedBy(1.2)).isTrue();
        assertThat(only(DIGOXIN, "magnesium").breachedBy(2.0)).isFalse();
    }

    @Test
    void theHeparinClassRowCoversUnfractionatedHeparinAndEnoxaparinAlike() {
        DrugLabRule heparin = only(HEPARIN, "platelets");
        DrugLabRule enoxaparin = only(ENOXAPARIN, "platelets");

        assertThat(heparin).isSameAs(enoxaparin);
        assertThat(heparin.drug()).isEqualTo("class:heparin");
        assertThat(heparin.breachedBy(80)).isTrue();
        assertThat(heparin.breachedBy(150)).isFalse();
        assertThat(heparin.unit()).isEqualTo("10*9/L");
    }

    @Test
    void eplerenoneIsContraindicatedAbovePotassium5point5() {
        DrugLabRule potassium = only(EPLERENONE, "potassium");

        assertThat(potassium.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(potassium.breachedBy(5.8)).isTrue();
        assertThat(potassium.breachedBy(5.5)).isFalse();
    }

    @Test
    void aDrugWithoutRulesOrAnUnknownCodeGetsNothing() {
        assertThat(rules.rules(SIMVASTATIN)).isEmpty();
        assertThat(rules.rules(999_999_999)).isEmpty();
        assertThat(rules.rules(-1)).isEmpty();
    }

    @Test
    void everyRuleIsInTheAnalytesCanonicalUnitAndCitesItsSource() {
        assertThat(rules.all()).hasSize(7);
        assertThat(rules.all()).allSatisfy(rule -> {
            assertThat(rule.id()).matches("DLB-[0-9]{3}");
            assertThat(labs.analyte(rule.analyte().id())).contains(rule.analyte());
            assertThat(rule.citation().text()).isNotBlank();
        });
        assertThat(DrugLabRules.FILES).containsExactly("drug-lab.tsv");
    }

    @Test
    void theIndexIsImmutable() {
        List<DrugLabRule> warfarin = rules.rules(WARFARIN);

        assertThatThrownBy(() -> warfarin.add(warfarin.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
