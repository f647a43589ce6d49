package org.vigil.allergy;

import java.util.Locale;
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

    @Override
    public String summary() {
        String kind = allergy.type() == ReactionType.INTOLERANCE ? "Intolerance" : "Allergy";
        return kind + ": " + order.display() + " contains " + ingredient.name() + "; recorded "
                + kind.toLowerCase(Locale.ROOT) + " to " + substance();
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** contains **")
                .append(ingredient.name())
                .append("**.\n\n");
        detail.append("**Recorded ")
                .append(allergy.type() == ReactionType.INTOLERANCE ? "intolerance" : "allergy")
                .append(":** ")
                .append(substance());
        if (allergy.criticality() != null) {
            detail.append(" (criticality ").append(allergy.criticality()).append(')');
        }
        detail.append("\n\n**Reaction:** ")
                .append(allergy.reactions().isEmpty() ? "not recorded" : String.join(", ", allergy.reactions()));
        detail.append("\n\n**Verification:** ")
                .append(allergy.verification().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        detail.append("\n\n**Management:** Do not give unless the allergy has been assessed and the benefit"
                + " outweighs the risk; choose an alternative that does not contain this ingredient.");
        return detail.toString();
    }

    private String substance() {
        return allergy.substance() == null || allergy.substance().isBlank() ? ingredient.name() : allergy.substance();
    }
}
