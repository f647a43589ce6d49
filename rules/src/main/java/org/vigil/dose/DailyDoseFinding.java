package org.vigil.dose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.lab.LabResult;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * DOS-002: the patient's total daily dose of an ingredient, with the draft order, exceeds the
 * labelled maximum daily dose (an absolute mass ceiling; weight-based ceilings are DOS-004).
 *
 * <p>The total adds the amount per dosing day of every order containing the ingredient: this draft,
 * the other drafts and the active medications, combination products included (acetaminophen in
 * hydrocodone/acetaminophen counts toward the acetaminophen maximum). An active order the draft (or
 * another draft) renews or modifies is not counted twice. Orders whose daily amount cannot be
 * computed are named on the card, and the total is then a lower bound; a lower bound above the
 * maximum is still above it. One finding per draft order and ingredient.
 *
 * @param contributions every counted order, the draft first, with its amounts
 */
public record DailyDoseFinding(
        MedicationRef order, Ingredient ingredient, DoseLimit limit, List<IngredientDose> contributions)
        implements DoseFinding {

    public static final String RULE_ID = "DOS-002";

    public DailyDoseFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(limit, "limit");
        contributions = List.copyOf(contributions);
    }

    /**
     * The finding when the ingredient's total per dosing day across {@code orders} (every medication
     * fact) exceeds the row's daily maximum.
     */
    public static List<DailyDoseFinding> check(
            Patient patient,
            Collection<?> results,
            DraftOrder draft,
            Ingredient ingredient,
            DoseLimit limit,
            Collection<?> orders) {
        if (!DoseCheck.absolute(limit)) {
            return List.of();
        }
        LabResult weight = DoseCheck.recentWeight(patient, results);
        List<IngredientDose> contributions =
                DoseCheck.contributions(draft, ingredient, orders, DoseCheck.kilograms(weight));
        double total = total(contributions);
        if (!DoseCheck.exceeds(total, DoseCheck.ceilingMg(limit, true))) {
            return List.of();
        }
        return List.of(new DailyDoseFinding(draft.ref(), ingredient, limit, contributions));
    }

    private static double total(List<IngredientDose> contributions) {
        double total = 0;
        for (IngredientDose dose : contributions) {
            if (Double.isFinite(dose.dailyMg())) {
                total += dose.dailyMg();
            }
        }
        return total;
    }

    /** The ingredient's total per dosing day over the orders whose amount could be computed. */
    public double totalMg() {
        return total(contributions);
    }

    /** Orders of the ingredient whose daily amount could not be computed. */
    public List<IngredientDose> uncomputed() {
        List<IngredientDose> missing = new ArrayList<>();
        for (IngredientDose dose : contributions) {
            if (!Double.isFinite(dose.dailyMg())) {
                missing.add(dose);
            }
        }
        return missing;
    }

    private long computed() {
        return contributions.stream()
                .filter(dose -> Double.isFinite(dose.dailyMg()))
                .count();
    }

    private double maxMg() {
        return DoseCheck.ceilingMg(limit, true);
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "daily dose above the maximum";
    }

    @Override
    public String check() {
        return DoseCheck.CHECK;
    }

    @Override
    public Urgency urgency() {
        return DoseCheck.urgency(totalMg() / maxMg());
    }

    @Override
    public String summary() {
        String name = Text.capitalize(ingredient.name());
        String amount = (uncomputed().isEmpty() ? "" : "at least ") + DoseCheck.number(totalMg()) + " mg per day";
        String across = computed() > 1 ? " across " + computed() + " orders" : "";
        String max = " exceeds the " + DoseCheck.number(maxMg()) + " mg maximum daily dose";
        return DoseCheck.fit(name + " " + amount + across + max, name + " " + amount + max);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        IngredientDose draft = contributions.get(0);
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(')');
        if (!draft.written().isEmpty()) {
            detail.append(": ").append(draft.written());
        }
        detail.append("\n\n**Total ")
                .append(ingredient.name())
                .append(" per day:** ")
                .append(uncomputed().isEmpty() ? "" : "at least ")
                .append(DoseCheck.number(totalMg()))
                .append(" mg, ")
                .append(DoseCheck.number(totalMg() / maxMg()))
                .append(" times the maximum. Orders counted:");
        for (IngredientDose dose : contributions) {
            if (!Double.isFinite(dose.dailyMg())) {
                continue;
            }
            detail.append("\n- ")
                    .append(dose.order().display())
                    .append(" (")
                    .append(dose.order().state().label())
                    .append("): ")
                    .append(DoseCheck.number(dose.dailyMg()))
                    .append(" mg per day");
            if (!dose.written().isEmpty()) {
                detail.append(" (").append(dose.written()).append(')');
            }
        }
        List<IngredientDose> missing = uncomputed();
        if (!missing.isEmpty()) {
            detail.append("\n\n**Not counted** (dose or frequency not computable, so the total is a lower bound):");
            for (IngredientDose dose : missing) {
                detail.append("\n- ")
                        .append(dose.order().display())
                        .append(" (")
                        .append(dose.order().state().label())
                        .append(')');
                if (!dose.written().isEmpty()) {
                    detail.append(": ").append(dose.written());
                }
            }
        }
        DoseCheck.appendRow(detail, limit);
        detail.append("\n\n**Advice:** keep the total of ")
                .append(ingredient.name())
                .append(" from every order at or below ")
                .append(DoseCheck.number(maxMg()))
                .append(" mg per day: lower the dose or the frequency of this order, or stop another order"
                        + " containing it.");
        return detail.toString();
    }

    /**
     * Every order counted in the total, the draft first: with one other product of the ingredient
     * this is the same pair the duplicate check reports, and the alert policy shows one card.
     */
    @Override
    public List<MedicationRef> involved() {
        List<MedicationRef> orders = new java.util.ArrayList<>(contributions.size());
        orders.add(order);
        for (IngredientDose contribution : contributions) {
            if (!contribution.order().reference().equals(order.reference())) {
                orders.add(contribution.order());
            }
        }
        return orders;
    }
}
