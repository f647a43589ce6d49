package org.vigil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionTableTest {

    private static final int SIMVASTATIN = 36567;
    private static final int LOVASTATIN = 6472;
    private static final int PRAVASTATIN = 42463;
    private static final int ROSUVASTATIN = 301542;
    private static final int VORICONAZOLE = 121243;
    private static final int POSACONAZOLE = 282446;
    private static final int AZITHROMYCIN = 18631;

    private final KnowledgeSnapshot snapshot = KnowledgeSnapshot.bundled();
    private final InteractionTable interactions = snapshot.interactions();

    private static List<String> ids(List<Interaction> found) {
        return found.stream().map(Interaction::id).toList();
    }

    @Test
    void simvastatinWithAStrongInhibitorHitsDdi011InEitherOrder() {
        assertThat(ids(interactions.between(SIMVASTATIN, VORICONAZOLE))).containsExactly("DDI-011");
        assertThat(ids(interactions.between(VORICONAZOLE, SIMVASTATIN))).containsExactly("DDI-011");
    }

    @Test
    void lovastatinWithAStrongInhibitorHitsDdi011() {
        assertThat(ids(interactions.between(LOVASTATIN, POSACONAZOLE))).containsExactly("DDI-011");
        assertThat(ids(interactions.between(POSACONAZOLE, LOVASTATIN))).containsExactly("DDI-011");
    }

    @Test
    void everyStatinInhibitorPairOfTheClassesHitsDdi011() {
        DrugVocabulary drugs = snapshot.drugs();
        for (int statin : drugs.membersOf("statin-cyp3a4-substrate-onc11")) {
            for (int inhibitor : drugs.membersOf("strong-cyp3a4-inhibitor")) {
                assertThat(ids(interactions.between(statin, inhibitor)))
                        .as(statin + " + " + inhibitor)
                        .containsExactly("DDI-011");
            }
        }
    }

    @Test
    void findsNothingForPairsOutsideTheClasses() {
        assertThat(interactions.between(PRAVASTATIN, VORICONAZOLE)).isEmpty();
        assertThat(interactions.between(ROSUVASTATIN, POSACONAZOLE)).isEmpty();
        assertThat(interactions.between(SIMVASTATIN, AZITHROMYCIN)).isEmpty();
        assertThat(interactions.between(SIMVASTATIN, LOVASTATIN)).isEmpty();
        assertThat(interactions.between(SIMVASTATIN, SIMVASTATIN)).isEmpty();
        assertThat(interactions.between(0, SIMVASTATIN)).isEmpty();
        assertThat(interactions.between(-VORICONAZOLE, -SIMVASTATIN)).isEmpty();
    }

    @Test
    void returnsSharedImmutableLists() {
        List<Interaction> first = interactions.between(SIMVASTATIN, VORICONAZOLE);

        assertThat(interactions.between(VORICONAZOLE, SIMVASTATIN)).isSameAs(first);
        assertThatThrownBy(first::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> interactions.between(PRAVASTATIN, VORICONAZOLE).add(first.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ddi011CarriesItsClinicalContentAndSource() {
        Interaction ddi011 = interactions.byId("DDI-011").orElseThrow();

        assertThat(ddi011.severity()).isEqualTo(Severity.CONTRAINDICATED);
        assertThat(ddi011.interruptive()).isTrue();
        assertThat(ddi011.clinicalEffect()).containsIgnoringCase("rhabdomyolysis");
        assertThat(ddi011.management()).contains("pravastatin", "rosuvastatin");
        assertThat(ddi011.citation().text()).contains("PMID 22539083");
        assertThat(ddi011.citation().url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/22539083/");
    }

    @Test
    void countsRowsNotExpandedPairs() {
        DrugVocabulary drugs = snapshot.drugs();
        int expectedPairs = drugs.membersOf("statin-cyp3a4-substrate-onc11").size()
                * drugs.membersOf("strong-cyp3a4-inhibitor").size();

        assertThat(interactions.size()).isEqualTo(interactions.rows().size());
        assertThat(interactions.pairCount()).isGreaterThan(interactions.size()).isGreaterThanOrEqualTo(expectedPairs);
    }

    @Test
    void listsAPairOnceWhenAnIngredientIsInBothClassesOfARow() {
        String classes = String.join(
                "\n",
                "class_id\tclass_name\tmember_rxcui\tsource\tsource_url",
                "qt\tqt prolonging\t1\ttest fixture\t",
                "qt\tqt prolonging\t2\ttest fixture\t",
                "qt\tqt prolonging\t3\ttest fixture\t",
                "");
        String rows = String.join(
                "\n",
                "id\ttitle\tleft\tright\tseverity\tinterruptive\tmechanism\tclinical_effect\tmanagement\tsource",
                "T-1\tqt pair\tclass:qt\tclass:qt\tmajor\tfalse\tm\te\tg\ttest fixture",
                "T-2\tone pair\t1\t2\tminor\tfalse\tm\te\tg\ttest fixture",
                "");
        var tables = TestTables.with("drug-classes.tsv", classes);
        tables.put("interactions.tsv", rows);
        InteractionTable table = TestTables.load(tables).interactions();

        assertThat(ids(table.between(1, 2))).containsExactly("T-1", "T-2");
        assertThat(ids(table.between(2, 3))).containsExactly("T-1");
        assertThat(table.between(2, 2)).isEmpty();
        assertThat(table.pairCount()).isEqualTo(3);
        assertThat(table.size()).isEqualTo(2);
    }
}
