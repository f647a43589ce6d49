package org.vigil.duplicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.RecognitionMethod;
import org.vigil.knowledge.RecognizedMedication;
import org.vigil.knowledge.TherapeuticDuplication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Urgency;

/**
 * A draft order that duplicates another medication: the same ingredient twice (DUP-001, also inside
 * a combination product) or two different ingredients the duplicate-therapy table pairs (DUP-002,
 * e.g. two statins). One finding per pair of orders.
 *
 * @param shared the ingredients both contain (DUP-001), empty for a class duplicate
 * @param duplication the duplicate-therapy row (DUP-002), null for the same ingredient
 * @param ingredientA the draft's ingredient of a class duplicate, null for the same ingredient
 * @param ingredientB the other order's ingredient of a class duplicate, null for the same ingredient
 */
public record DuplicateFinding(
        String ruleId,
        MedicationRef order,
        MedicationRef other,
        List<Ingredient> shared,
        TherapeuticDuplication duplication,
        Ingredient ingredientA,
        Ingredient ingredientB)
        implements Finding {

    public static final String SAME_INGREDIENT = "DUP-001";
    public static final String SAME_CLASS = "DUP-002";

    public DuplicateFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(other, "other");
        shared = List.copyOf(shared);
        if (shared.isEmpty() == (duplication == null)) {
            throw new IllegalArgumentException("a duplicate is either the same ingredient or a table row");
        }
    }

    /**
     * Whether the two orders are worth comparing: not a renewal or modification (the draft names the
     * other as the order it replaces, or both are the same clinical drug), and, between two drafts,
     * each pair once (a checked draft against unchecked drafts, checked drafts in sequence order).
     */
    public static boolean comparable(DraftOrder draft, MedicationFact other) {
        if (draft.reference().equals(other.reference()) || draft.replaces(other)) {
            return false;
        }
        if (other instanceof DraftOrder otherDraft) {
            if (otherDraft.replaces(draft) || (otherDraft.checked() && otherDraft.sequence() <= draft.sequence())) {
                return false;
            }
        }
        return !sameClinicalDrug(draft.medication(), other.medication());
    }

    /** Same components with the same strengths in the same dose form, both known to that detail. */
    static boolean sameClinicalDrug(RecognizedMedication a, RecognizedMedication b) {
        if (!detailed(a) || !detailed(b)) {
            return false;
        }
        return Objects.equals(a.doseForm(), b.doseForm()) && sameComponents(a.components(), b.components());
    }

    private static boolean detailed(RecognizedMedication medication) {
        return (medication.method() == RecognitionMethod.CLINICAL_DRUG_CODE
                        || medication.method() == RecognitionMethod.NORMAL_FORM_NAME)
                && medication.components().stream().allMatch(c -> c.strength() != null);
    }

    private static boolean sameComponents(List<Component> a, List<Component> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Component component : a) {
            boolean found = b.stream()
                    .anyMatch(other -> other.ingredient().equals(component.ingredient())
                            && other.unit().equals(component.unit())
                            && other.strength().compareTo(component.strength()) == 0);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** DUP-001 for the pair, as a list of none or one. */
    public static List<DuplicateFinding> sameIngredient(DraftOrder draft, MedicationFact other) {
        List<Ingredient> shared = sharedIngredients(draft, other);
        return shared.isEmpty()
                ? List.of()
                : List.of(new DuplicateFinding(SAME_INGREDIENT, draft.ref(), other.ref(), shared, null, null, null));
    }

    /**
     * DUP-002 for the pair, as a list of none or one: the first ingredient pair the table calls a
     * duplication. None when the orders share an ingredient (that pair is DUP-001's one card).
     */
    public static List<DuplicateFinding> sameClass(
            KnowledgeSnapshot knowledge, DraftOrder draft, MedicationFact other) {
        if (!sharedIngredients(draft, other).isEmpty()) {
            return List.of();
        }
        for (Ingredient a : draft.ingredients()) {
            for (Ingredient b : other.ingredients()) {
                Optional<TherapeuticDuplication> row = knowledge.drugs().duplicationBetween(a.rxcui(), b.rxcui());
                if (row.isPresent()) {
                    return List.of(
                            new DuplicateFinding(SAME_CLASS, draft.ref(), other.ref(), List.of(), row.get(), a, b));
                }
            }
        }
        return List.of();
    }

    private static List<Ingredient> sharedIngredients(MedicationFact a, MedicationFact b) {
        List<Ingredient> shared = new ArrayList<>();
        List<Ingredient> others = b.ingredients();
        for (Ingredient ingredient : a.ingredients()) {
            if (others.contains(ingredient)) {
                shared.add(ingredient);
            }
        }
        return shared;
    }

    @Override
    public String title() {
        return duplication == null ? "same ingredient ordered twice" : "two drugs of a duplicate-therapy class";
    }

    @Override
    public String check() {
        return "duplicate";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return true;
    }

    /** A class duplicate rests on its table row; the same ingredient on the ingredient's vocabulary row. */
    @Override
    public Citation citation() {
        return duplication != null ? duplication.citation() : shared.get(0).citation();
    }

    /** The same pair seen from either draft order is one problem. */
    @Override
    public String problemKey() {
        String a = order.reference();
        String b = other.reference();
        return a.compareTo(b) <= 0 ? ruleId + '|' + a + '|' + b : ruleId + '|' + b + '|' + a;
    }

    @Override
    public String summary() {
        String what = duplication == null ? "Duplicate " + names() : "Duplicate therapy (" + duplication.label() + ")";
        String full = what + ": " + order.display() + " with " + other.display() + " ("
                + other.state().label() + ")";
        if (full.length() < 140) {
            return full;
        }
        return duplication == null
                ? "Duplicate " + names() + " with an " + other.state().label() + " order"
                : "Duplicate therapy: " + ingredientA.name() + " with " + ingredientB.name();
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(") with **")
                .append(other.display())
                .append("** (")
                .append(other.state().label())
                .append(")\n\n");
        if (duplication == null) {
            detail.append("**Same ingredient:** both contain ")
                    .append(names())
                    .append(" (counting combination products).\n\n");
            detail.append("**Management:** Give the ingredient from one order only, or confirm the combined dose"
                    + " from all products stays within the daily maximum; if this order is meant to replace the"
                    + " other, discontinue that one or mark this order as its renewal.");
        } else {
            detail.append("**Duplicate therapy:** ")
                    .append(duplication.label())
                    .append(" (")
                    .append(ingredientA.name())
                    .append(" with ")
                    .append(ingredientB.name())
                    .append("; table row ")
                    .append(duplication.id())
                    .append(")\n\n");
            detail.append("**Management:** Keep one of the two unless the combination is intended; if this order"
                    + " replaces the other, discontinue that one or mark this order as its renewal.");
        }
        return detail.toString();
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (Ingredient ingredient : shared) {
            names.add(ingredient.name());
        }
        return String.join(" and ", names);
    }

    /** The pair: the draft order and the other one. */
    @Override
    public java.util.List<MedicationRef> involved() {
        return java.util.List.of(order, other);
    }
}
