package org.vigil.allergy;

import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/** A draft order containing an ingredient the patient has a recorded allergy or intolerance to. */
public record AllergyFinding(
        String ruleId,
        String title,
        Urgency urgency,
        boolean interruptive,
        MedicationRef order,
        PatientAllergy allergy,
        Ingredient ingredient)
        implements Finding {

    public AllergyFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(allergy, "allergy");
        Objects.requireNonNull(ingredient, "ingredient");
    }

    @Override
    public String check() {
        return "allergy";
    }

    /** The ingredient's vocabulary row is the knowledge behind an exact-ingredient match. */
    @Override
    public Citation citation() {
        return ingredient.citation();
    }

    @Override
    public String problemKey() {
        return ruleId + '|' + order.reference() + '|' + allergy.reference();
    }
}
