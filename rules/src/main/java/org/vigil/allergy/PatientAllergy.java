package org.vigil.allergy;

import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.RecognizedMedication;

/**
 * An allergy or intolerance on the patient's record, with the substance resolved to ingredients.
 *
 * @param reference relative FHIR reference, e.g. {@code AllergyIntolerance/123}
 * @param substance the substance as recorded (code display or text)
 * @param criticality FHIR criticality ({@code low}, {@code high}, {@code unable-to-assess}) or null
 * @param reactions the recorded manifestations, e.g. "hives", "anaphylaxis"
 */
public record PatientAllergy(
        String reference,
        String substance,
        RecognizedMedication recognized,
        ReactionType type,
        AllergyClinicalStatus clinicalStatus,
        AllergyVerification verification,
        String criticality,
        List<String> reactions) {

    public PatientAllergy {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(recognized, "recognized");
        type = type == null ? ReactionType.UNSTATED : type;
        clinicalStatus = clinicalStatus == null ? AllergyClinicalStatus.UNSTATED : clinicalStatus;
        verification = verification == null ? AllergyVerification.UNSTATED : verification;
        reactions = reactions == null ? List.of() : List.copyOf(reactions);
    }

    public boolean highCriticality() {
        return "high".equals(criticality);
    }

    public List<Ingredient> ingredients() {
        return recognized.ingredients();
    }
}
