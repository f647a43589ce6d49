package org.vigil.service.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.interaction.InteractionFinding;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.Severity;
import org.vigil.recognition.UnrecognizedMedicationFinding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;

class CardFactoryTest {

    private static final CardContext NO_CONTEXT =
            new CardContext(null, java.util.Map.of(), java.time.Instant.parse("2026-11-22T09:00:00Z"));

    private final CardFactory cards = new CardFactory();

    private static Interaction interaction(boolean interruptive) {
        return new Interaction(
                "DDI-011",
                "simvastatin or lovastatin with a strong CYP3A4 inhibitor",
                Severity.CONTRAINDICATED,
                interruptive,
                "CYP3A4 inhibition raises statin exposure",
                "myopathy and rhabdomyolysis",
                "avoid the combination",
                new Citation("Phansalkar 2012, PMID 22539083", "https://pubmed.ncbi.nlm.nih.gov/22539083/"));
    }

    @Test
    void longDrugNamesStillGiveASummaryUnder140CharactersThatNamesTheProblem() {
        MedicationRef order = new MedicationRef(
                "MedicationRequest/a", "Simvastatin 40 MG Oral Tablet [Zocor] ".repeat(4), OrderState.DRAFT);
        MedicationRef other = new MedicationRef(
                "MedicationRequest/b",
                "Clarithromycin 500 MG Extended Release Oral Tablet ".repeat(3),
                OrderState.ACTIVE);

        Card card = cards.card(new InteractionFinding(order, other, interaction(true)), "v1", NO_CONTEXT);

        assertThat(card.summary()).hasSizeLessThan(140).containsIgnoringCase("simvastatin");
        assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
    }

    @Test
    void aNonInterruptiveInteractionIsInformationWithoutOverrideReasonsOrActions() {
        MedicationRef order = new MedicationRef("MedicationRequest/a", "Simvastatin", OrderState.DRAFT);
        MedicationRef other = new MedicationRef("MedicationRequest/b", "Clarithromycin", OrderState.ACTIVE);

        Card card = cards.card(new InteractionFinding(order, other, interaction(false)), "v1", NO_CONTEXT);

        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.overrideReasons()).isEmpty();
        assertThat(card.suggestions()).isEmpty();
    }

    @Test
    void theCardCarriesTheRuleIdTheSourceAndTheKnowledgeVersion() {
        MedicationRef order = new MedicationRef("MedicationRequest/a", "Simvastatin", OrderState.DRAFT);
        MedicationRef other = new MedicationRef("MedicationRequest/b", "Clarithromycin", OrderState.ACTIVE);

        Card card = cards.card(new InteractionFinding(order, other, interaction(true)), "k-123", NO_CONTEXT);

        assertThat(card.extension())
                .containsEntry(CardFactory.RULE_ID, "DDI-011")
                .containsEntry(CardFactory.KNOWLEDGE_VERSION, "k-123");
        assertThat(card.detail()).contains("PMID 22539083", "DDI-011", "k-123");
        assertThat(card.source().url()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/22539083/");
        assertThat(card.suggestions().get(0).actions().get(0).resourceId()).isEqualTo("MedicationRequest/a");
    }

    @Test
    void anUnrecognisedOrderIsSaidToBeUnchecked() {
        Card card = cards.card(
                new UnrecognizedMedicationFinding(
                        new MedicationRef("MedicationRequest/t", "Herbal tonic", OrderState.DRAFT)),
                "v1",
                NO_CONTEXT);

        assertThat(card.indicator()).isEqualTo(Indicator.INFO);
        assertThat(card.summary()).contains("Not checked", "Herbal tonic");
    }
}
