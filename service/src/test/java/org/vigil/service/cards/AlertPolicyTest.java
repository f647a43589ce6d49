package org.vigil.service.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.duplicate.DuplicateFinding;
import org.vigil.interaction.InteractionFinding;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.Severity;
import org.vigil.knowledge.TherapeuticDuplication;
import org.vigil.recognition.UnrecognizedMedicationFinding;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

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

    private static final Citation SOURCE = new Citation("test source", null);
    private static final TherapeuticDuplication STATINS = new TherapeuticDuplication("DTH-001", "statins", SOURCE);
    private static final Interaction ACE_ARB = new Interaction(
            "DDI-109",
            "ACE inhibitor with an angiotensin receptor blocker",
            Severity.MODERATE,
            false,
            "dual RAS blockade",
            "hyperkalaemia",
            "avoid the combination",
            SOURCE);

    private static MedicationRef draft(String id, String name) {
        return new MedicationRef("MedicationRequest/" + id, name, OrderState.DRAFT);
    }

    private static MedicationRef active(String id, String name) {
        return new MedicationRef("MedicationRequest/" + id, name, OrderState.ACTIVE);
    }

    private static DuplicateFinding classDuplicate(MedicationRef order, MedicationRef other, String a, String b) {
        return new DuplicateFinding(
                DuplicateFinding.SAME_CLASS,
                order,
                other,
                List.of(),
                STATINS,
                new Ingredient(1, a, SOURCE),
                new Ingredient(2, b, SOURCE));
    }

    @Test
    void anInteractionAndADuplicationOfTheSamePairAreOneCardLedByTheMoreUrgent() {
        MedicationRef losartan = draft("l", "Losartan");
        MedicationRef lisinopril = active("p", "Lisinopril");
        List<Finding> findings = List.of(
                new InteractionFinding(losartan, lisinopril, ACE_ARB),
                classDuplicate(losartan, lisinopril, "losartan", "lisinopril"));

        List<Finding> cards = policy.select(findings);

        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.ruleId()).isEqualTo("DUP-002");
            assertThat(card.urgency()).isEqualTo(Urgency.WARNING);
            assertThat(card.detail()).contains("DDI-109");
        });
    }

    @Test
    void oneDraftDuplicatingSeveralActiveDrugsOfAClassIsOneCardNamingThemAll() {
        MedicationRef simvastatin = draft("s", "Simvastatin");
        List<Finding> findings = List.of(
                classDuplicate(simvastatin, active("a", "Atorvastatin"), "simvastatin", "atorvastatin"),
                classDuplicate(simvastatin, active("r", "Rosuvastatin"), "simvastatin", "rosuvastatin"),
                classDuplicate(simvastatin, active("p", "Pravastatin"), "simvastatin", "pravastatin"));

        List<Finding> cards = policy.select(findings);

        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.summary()).contains("Atorvastatin").endsWith("(+2 more)");
            assertThat(card.detail()).contains("Rosuvastatin", "Pravastatin");
            assertThat(card.remedies()).containsExactly(new Remedy.RemoveOrder(simvastatin));
        });
    }

    @Test
    void atEqualUrgencyTheFindingOfferingMoreToDoLeadsAndEveryRemedyStaysOnOffer() {
        MedicationRef oxycodone = draft("o", "Oxycodone");
        MedicationRef lorazepam = active("z", "Lorazepam");
        Finding interaction = new InteractionFinding(oxycodone, lorazepam, STATIN_CYP3A4);
        Remedy naloxone =
                new Remedy.OrderMedication("7242", "Naloxone 4 mg nasal spray", "opioid with a benzodiazepine");
        Finding opioid = new WithRemedies(interaction, "OPI-003", List.of(naloxone, new Remedy.RemoveOrder(oxycodone)));

        List<Finding> cards = policy.select(List.of(interaction, opioid));

        assertThat(cards).singleElement().satisfies(card -> {
            assertThat(card.ruleId()).isEqualTo("OPI-003");
            assertThat(card.remedies()).containsExactly(naloxone, new Remedy.RemoveOrder(oxycodone));
        });
    }

    @Test
    void informationalFindingsOfAHiddenCheckAreNotShownButInterruptiveOnesAre() {
        AlertPolicy quiet = new AlertPolicy(Set.of("interaction"));
        MedicationRef losartan = draft("l", "Losartan");
        MedicationRef simvastatin = draft("s", "Simvastatin");
        List<Finding> findings = List.of(
                new InteractionFinding(losartan, active("p", "Lisinopril"), ACE_ARB),
                new InteractionFinding(simvastatin, active("c", "Clarithromycin"), STATIN_CYP3A4));

        assertThat(quiet.select(findings)).extracting(Finding::ruleId).containsExactly("DDI-011");
        assertThat(policy.select(findings)).extracting(Finding::ruleId).containsExactly("DDI-011", "DDI-109");
    }

    /** Another check's finding about the same pair, with its own id and remedies. */
    private record WithRemedies(Finding base, String ruleId, List<Remedy> remedies) implements Finding {
        public String title() {
            return "opioid with a benzodiazepine";
        }

        public String check() {
            return "opioid";
        }

        public Urgency urgency() {
            return base.urgency();
        }

        public boolean interruptive() {
            return true;
        }

        public MedicationRef order() {
            return base.order();
        }

        public Citation citation() {
            return SOURCE;
        }

        public String problemKey() {
            return ruleId + '|' + base.problemKey();
        }

        public String summary() {
            return "Opioid with a benzodiazepine";
        }

        public String detail() {
            return "detail";
        }

        public List<MedicationRef> involved() {
            return base.involved();
        }
    }
}
