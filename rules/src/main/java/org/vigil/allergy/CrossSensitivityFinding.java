package org.vigil.allergy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.allergy.AllergyKnowledge;
import org.vigil.knowledge.allergy.CrossSensitivity;
import org.vigil.knowledge.allergy.CrossSensitivityLevel;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/**
 * A draft order whose ingredient cross-reacts with an ingredient of a recorded allergy: both belong
 * to one cross-sensitivity group (a penicillin allergy and ampicillin, an amoxicillin allergy and
 * cephalexin's identical R1 side chain, an aspirin allergy and a COX-1 inhibiting NSAID).
 *
 * @param allergen the allergy's ingredient that cross-reacts
 * @param ordered the ordered ingredient that cross-reacts
 * @param match the strongest group the two share
 */
public record CrossSensitivityFinding(
        MedicationRef order, PatientAllergy allergy, Ingredient allergen, Ingredient ordered, CrossSensitivity match)
        implements Finding {

    public static final String RULE_ID = "ALG-003";

    public CrossSensitivityFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(allergy, "allergy");
        Objects.requireNonNull(allergen, "allergen");
        Objects.requireNonNull(ordered, "ordered");
        Objects.requireNonNull(match, "match");
    }

    /**
     * The strongest cross-sensitivity between the allergy and the order, as a list of none or one.
     * None when the order contains an allergy ingredient itself: that is an exact match (ALG-001 or
     * ALG-002), and one order with one allergy makes one card. A group-coded allergy (SNOMED CT
     * "penicillin") stands for every member, so every allergy ingredient is compared with every
     * ordered one and the strongest level wins (table order within a level).
     */
    public static List<CrossSensitivityFinding> strongest(
            KnowledgeSnapshot knowledge, PatientAllergy allergy, DraftOrder draft) {
        List<Ingredient> allergens = allergy.ingredients();
        List<Ingredient> ordered = draft.ingredients();
        for (Ingredient ingredient : ordered) {
            if (allergens.contains(ingredient)) {
                return List.of();
            }
        }
        AllergyKnowledge table = knowledge.allergies();
        CrossSensitivityFinding best = null;
        for (Ingredient orderedIngredient : ordered) {
            for (Ingredient allergen : allergens) {
                List<CrossSensitivity> shared = table.crossSensitivities(allergen.rxcui(), orderedIngredient.rxcui());
                if (!shared.isEmpty() && (best == null || shared.get(0).level().compareTo(best.match.level()) < 0)) {
                    best = new CrossSensitivityFinding(
                            draft.ref(), allergy, allergen, orderedIngredient, shared.get(0));
                }
            }
        }
        return best == null ? List.of() : List.of(best);
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "ordered drug is cross-sensitive with a recorded allergy";
    }

    @Override
    public String check() {
        return "allergy";
    }

    /** An intolerance is not an immune reaction, and a low-level group is worth knowing only. */
    @Override
    public Urgency urgency() {
        return interruptive() ? Urgency.WARNING : Urgency.INFO;
    }

    @Override
    public boolean interruptive() {
        return allergy.type() != ReactionType.INTOLERANCE && match.level() != CrossSensitivityLevel.LOW;
    }

    /** The ordered ingredient's membership row: the knowledge that puts the order in the group. */
    @Override
    public Citation citation() {
        return match.citations().get(match.citations().size() - 1);
    }

    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference() + '|' + allergy.reference();
    }

    @Override
    public String summary() {
        String full = "Cross-sensitivity: " + order.display() + " (" + ordered.name() + ") with recorded " + kind()
                + " to " + substance() + " (" + match.group().name() + ")";
        if (full.length() < 140) {
            return full;
        }
        String shorter = "Cross-sensitivity: " + ordered.name() + " with recorded " + kind() + " to " + allergen.name();
        return shorter.length() < 140 ? shorter : "Cross-sensitivity with a recorded " + kind();
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** contains **")
                .append(ordered.name())
                .append("**, which may cross-react with **")
                .append(allergen.name())
                .append("**.\n\n");
        detail.append("**Recorded ").append(kind()).append(":** ").append(substance());
        if (allergy.criticality() != null) {
            detail.append(" (criticality ").append(allergy.criticality()).append(')');
        }
        detail.append("\n\n**Reaction:** ")
                .append(allergy.reactions().isEmpty() ? "not recorded" : String.join(", ", allergy.reactions()));
        detail.append("\n\n**Verification:** ")
                .append(allergy.verification().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        detail.append("\n\n**Cross-sensitivity group:** ")
                .append(match.group().name())
                .append(" (level ")
                .append(match.level().name().toLowerCase(Locale.ROOT))
                .append(")");
        detail.append("\n\n**Basis:** ").append(match.group().basis());
        List<String> sources = new ArrayList<>();
        for (Citation citation : match.citations()) {
            sources.add(citation.text());
        }
        detail.append("\n\n**Group source:** ").append(String.join("; ", sources));
        detail.append("\n\n**Management:** ").append(management());
        return detail.toString();
    }

    private String management() {
        if (allergy.type() == ReactionType.INTOLERANCE) {
            return "An intolerance is not an immune reaction; cross-reaction is unlikely to matter, but review"
                    + " the recorded reaction before giving.";
        }
        return switch (match.level()) {
            case HIGH ->
                "Treat as the same allergy until it has been evaluated (allergist assessment, skin testing"
                        + " or a supervised challenge); choose a drug outside this group.";
            case MODERATE ->
                "Prefer a drug outside this group; if it is needed, give it only after the allergy has"
                        + " been assessed, e.g. as a graded challenge under observation.";
            case LOW ->
                "Cross-reaction is unlikely but possible; give with the usual observation, more carefully"
                        + " after a severe reaction.";
        };
    }

    private String kind() {
        return allergy.type() == ReactionType.INTOLERANCE ? "intolerance" : "allergy";
    }

    private String substance() {
        return allergy.substance() == null || allergy.substance().isBlank() ? allergen.name() : allergy.substance();
    }
}
