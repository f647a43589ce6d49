package org.vigil.rules;

import java.util.List;
import org.vigil.allergy.AllergyClinicalStatus;
import org.vigil.allergy.AllergyVerification;
import org.vigil.allergy.PatientAllergy;
import org.vigil.allergy.ReactionType;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.RecognizedMedication;

/** Builds rule facts from the bundled knowledge, as the service's normalizer would. */
public final class Facts {

    public static final KnowledgeSnapshot KNOWLEDGE = KnowledgeSnapshot.bundled();

    public static final String SIMVASTATIN = "36567";
    public static final String LOVASTATIN = "6472";
    public static final String PRAVASTATIN = "42463";
    public static final String CLARITHROMYCIN = "21212";
    public static final String ITRACONAZOLE = "28031";
    public static final String AZITHROMYCIN = "18631";
    public static final String AMOXICILLIN = "723";
    public static final String ACETAMINOPHEN = "161";

    private Facts() {}

    public static RecognizedMedication byCode(String rxcui) {
        RecognizedMedication medication = KNOWLEDGE.drugs().recognize(rxcui, null, null);
        if (!medication.recognized()) {
            throw new IllegalStateException("The bundled vocabulary does not know RxCUI " + rxcui);
        }
        return medication;
    }

    public static DraftOrder draft(String id, String rxcui, int sequence) {
        return new DraftOrder("MedicationRequest/" + id, id, byCode(rxcui), sequence, true);
    }

    public static DraftOrder draftNamed(String id, String display, int sequence) {
        return new DraftOrder(
                "MedicationRequest/" + id, display, KNOWLEDGE.drugs().recognize(null, display, null), sequence, true);
    }

    public static ActiveMedication active(String id, String rxcui) {
        return new ActiveMedication("MedicationRequest/" + id, id, byCode(rxcui));
    }

    public static PatientAllergy allergy(
            String rxcui,
            ReactionType type,
            AllergyClinicalStatus status,
            AllergyVerification verification,
            String criticality) {
        return new PatientAllergy(
                "AllergyIntolerance/" + rxcui,
                rxcui,
                byCode(rxcui),
                type,
                status,
                verification,
                criticality,
                List.of("Hives"));
    }

    public static PatientContext context(
            List<DraftOrder> drafts, List<ActiveMedication> active, List<PatientAllergy> allergies) {
        return PatientContext.of(drafts, active, allergies);
    }
}
