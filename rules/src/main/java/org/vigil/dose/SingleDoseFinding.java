package org.vigil.dose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * DOS-001: one administration of a draft order gives more of an ingredient than the labelled
 * maximum single dose (an absolute mass ceiling; weight-based ceilings are DOS-004). At least twice
 * the maximum is critical, as it suggests a tenfold or decimal error.
 *
 * @param dose the ingredient's amounts in the draft
 * @param weight the body weight used to convert a per-kilogram dose, or null
 * @param changeToMg whether the draft's dose is a mass the card can offer to lower to the maximum
 */
public record SingleDoseFinding(
        MedicationRef order,
        Ingredient ingredient,
        DoseLimit limit,
        IngredientDose dose,
        LabResult weight,
        boolean changeToMg)
        implements DoseFinding {

    public static final String RULE_ID = "DOS-001";

    public SingleDoseFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(dose, "dose");
    }

    /** The finding when one administration of the draft exceeds the row's single-dose maximum. */
    public static List<SingleDoseFinding> check(
            Patient patient, Collection<?> results, DraftOrder draft, Ingredient ingredient, DoseLimit limit) {
        if (!DoseCheck.absolute(limit)) {
            return List.of();
        }
        LabResult weight = DoseCheck.recentWeight(patient, results);
        IngredientDose dose = IngredientDose.of(draft, ingredient, DoseCheck.kilograms(weight));
        if (!DoseCheck.exceeds(dose.singleMg(), DoseCheck.ceilingMg(limit, false))) {
            return List.of();
        }
        boolean mass = IngredientDose.writtenAsMass(draft.dosage());
        return List.of(new SingleDoseFinding(
                draft.ref(),
                ingredient,
                limit,
                dose,
                mass ? null : weight,
                mass && draft.ingredients().size() == 1));
    }

    private double maxMg() {
        return DoseCheck.ceilingMg(limit, false);
    }

    private double ratio() {
        return dose.singleMg() / maxMg();
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "single dose above the maximum";
    }

    @Override
    public String check() {
        return DoseCheck.CHECK;
    }

    @Override
    public Urgency urgency() {
        return DoseCheck.urgency(ratio());
    }

    @Override
    public String summary() {
        String name = Text.capitalize(ingredient.name());
        String core = name + " " + DoseCheck.number(dose.singleMg()) + " mg per dose exceeds the "
                + DoseCheck.number(maxMg()) + " mg maximum single dose";
        return DoseCheck.fit(core + " (" + order.display() + ")", core);
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(')');
        if (!dose.written().isEmpty()) {
            detail.append(": ").append(dose.written());
        }
        detail.append("\n\n**Per dose:** ")
                .append(DoseCheck.number(dose.singleMg()))
                .append(" mg of ")
                .append(ingredient.name())
                .append(", ")
                .append(DoseCheck.number(ratio()))
                .append(" times the maximum");
        if (weight != null) {
            detail.append(" (")
                    .append(DoseCheck.number(dose.singleMgPerKg()))
                    .append(" mg/kg for a body weight of ")
                    .append(ResultText.valueAndDate(weight))
                    .append(')');
        }
        DoseCheck.appendRow(detail, limit);
        detail.append("\n\n**Advice:** give at most ")
                .append(DoseCheck.number(maxMg()))
                .append(" mg of ")
                .append(ingredient.name())
                .append(" per administration; check the order for a unit or decimal error.");
        return detail.toString();
    }

    /** Lower the dose to the maximum single dose when the order is written as a mass, else remove it. */
    @Override
    public List<Remedy> remedies() {
        List<Remedy> remedies = new ArrayList<>(2);
        if (changeToMg) {
            remedies.add(new Remedy.ChangeDose(order, DoseCheck.decimal(maxMg()), "mg"));
        }
        remedies.add(new Remedy.RemoveOrder(order));
        return remedies;
    }
}
