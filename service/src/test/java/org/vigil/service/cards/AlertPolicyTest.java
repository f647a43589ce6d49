package org.vigil.service.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.interaction.InteractionFinding;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.Severity;
import org.vigil.recognition.UnrecognizedMedicationFinding;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;

class AlertPolicyTest {

    private static final Interaction STATIN_CYP3A4 = new Interaction(
            "DDI-011",
            "simvastatin or lovastatin with a strong CYP3A4 inhibitor",
            Severity.CONTRAINDICATED,
            true,
            "CYP3A4 inhibition",
            "myopathy",
            "avoid",
            new Citation("Phansalkar 2012", null));

    private final AlertPolicy policy = new AlertPolicy();

    @Test
    void theSamePairSeenFromBothDraftOrdersIsOneProblem() {
        MedicationRef simvastatin = new MedicationRef("MedicationRequest/a", "Simvastatin", OrderState.DRAFT);
        MedicationRef ketoconazole = new MedicationRef("MedicationRequest/b", "Ketoconazole", OrderState.DRAFT);
        List<Finding> findings = List.of(
                new InteractionFinding(simvastatin, ketoconazole, STATIN_CYP3A4),
                new InteractionFinding(ketoconazole, simvastatin, STATIN_CYP3A4));

        assertThat(policy.select(findings)).hasSize(1);
    }

    @Test
    void theMostUrgentProblemsComeFirst() {
        MedicationRef tonic = new MedicationRef("MedicationRequest/t", "Herbal tonic", OrderState.DRAFT);
        MedicationRef simvastatin = new MedicationRef("MedicationRequest/a", "Simvastatin", OrderState.DRAFT);
        MedicationRef clarithromycin = new MedicationRef("MedicationRequest/c", "Clarithromycin", OrderState.ACTIVE);
        List<Finding> findings = List.of(
                new UnrecognizedMedicationFinding(tonic),
                new InteractionFinding(simvastatin, clarithromycin, STATIN_CYP3A4));

        assertThat(policy.select(findings)).extracting(Finding::ruleId).containsExactly("DDI-011", "MED-001");
    }
}
