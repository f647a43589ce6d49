package org.vigil.dose;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * DOS-005: a draft order whose dose is written as a mass (mg, or tablets of a stated strength) for
 * a patient whose limit is weight-based (mg/kg), while no body weight of the last {@link
 * DoseCheck#WEIGHT_LOOKBACK} is on record, so the dose could not be checked.
 *
 * <p>Why a card rather than silence: weight-based limits are the pediatric rows, and a pediatric
 * dose that nobody could compare with the child's weight is exactly what a pharmacist verifies by
 * hand; saying nothing would let the prescriber believe the dose was checked. Why information and
 * not a warning: nothing is known to be wrong, and the prescriber often knows the weight. A dose
 * written in mg/kg needs no weight and is checked as written (DOS-004).
 *
 * @param written the dosage as written
 * @param singleMg the draft's dose of the ingredient in mg
 */
public record WeightMissingFinding(
        MedicationRef order, Ingredient ingredient, DoseLimit limit, String written, double singleMg)
        implements DoseFinding {

    public static final String RULE_ID = "DOS-005";

    public WeightMissingFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(limit, "limit");
        written = written == null ? "" : written;
    }

    /** The finding when a per-kilogram row applies, the dose is a mass and no recent weight exists. */
    public static List<WeightMissingFinding> check(
            Patient patient, Collection<?> results, DraftOrder draft, Ingredient ingredient, DoseLimit limit) {
        if (!DoseCheck.perKilogram(limit) || DoseCheck.recentWeight(patient, results) != null) {
            return List.of();
        }
        IngredientDose dose = IngredientDose.of(draft, ingredient, Double.NaN);
        if (!Double.isFinite(dose.singleMg())) {
            return List.of();
        }
        return List.of(new WeightMissingFinding(
                draft.ref(), ingredient, limit, draft.dosage().describe(), dose.singleMg()));
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "weight-based dose not checked without a recent weight";
    }

    @Override
    public String check() {
        return DoseCheck.CHECK;
    }

    @Override
    public Urgency urgency() {
        return Urgency.INFO;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    @Override
    public String summary() {
        String name = Text.capitalize(ingredient.name());
        String max = DoseCheck.number(DoseCheck.ceilingMg(limit, false));
        return DoseCheck.fit(
                name + " " + DoseCheck.number(singleMg) + " mg per dose not checked against the " + max
                        + " mg/kg maximum: no body weight in the last " + days() + " days",
                name + " dose not checked against the weight-based maximum: no recent body weight");
    }

    private int days() {
        return DoseCheck.WEIGHT_LOOKBACK.getDays();
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(')');
        if (!written.isEmpty()) {
            detail.append(": ").append(written);
        }
        detail.append("\n\n**Per dose:** ")
                .append(DoseCheck.number(singleMg))
                .append(" mg of ")
                .append(ingredient.name())
                .append("; no body weight recorded in the last ")
                .append(days())
                .append(" days, so the dose per kilogram is unknown.");
        DoseCheck.appendRow(detail, limit);
        detail.append("\n\n**Advice:** weigh the patient, or write the dose in mg/kg, and check it against the"
                + " weight-based maximum before giving it.");
        return detail.toString();
    }
}
