package org.vigil.dose;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * DOS-004: a draft order above a weight-based (mg/kg, pediatric) maximum, per dose or per day. A
 * dose written in mg/kg is compared as written; a dose written as a mass is divided by the latest
 * body weight of the last {@link DoseCheck#WEIGHT_LOOKBACK}. The daily amount adds every order of
 * the ingredient, as DOS-002 does. Without a recent weight a mass dose cannot be compared: that is
 * {@link WeightMissingFinding} (DOS-005), not this finding. One finding per draft order and
 * ingredient covers both the single and the daily maximum.
 *
 * @param contributions every counted order, the draft first
 * @param weight the body weight used, or null when every dose was written in mg/kg and none was needed
 * @param singleExceeded whether the draft's single dose exceeds the per-dose maximum
 * @param dailyExceeded whether the daily total exceeds the per-day maximum
 * @param changeUnit the unit a corrected dose can be offered in ({@code mg/kg} as written, {@code mg}
 *     for a mass dose of a single-ingredient product), or null when none can
 */
public record WeightBasedDoseFinding(
        MedicationRef order,
        Ingredient ingredient,
        DoseLimit limit,
        List<IngredientDose> contributions,
        LabResult weight,
        boolean singleExceeded,
        boolean dailyExceeded,
        String changeUnit)
        implements DoseFinding {

    public static final String RULE_ID = "DOS-004";

    public WeightBasedDoseFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(limit, "limit");
        contributions = List.copyOf(contributions);
    }

    /** The finding when the draft exceeds the row's per-kilogram single or daily maximum. */
    public static List<WeightBasedDoseFinding> check(
            Patient patient,
            Collection<?> results,
            DraftOrder draft,
            Ingredient ingredient,
            DoseLimit limit,
            Collection<?> orders) {
        if (!DoseCheck.perKilogram(limit)) {
            return List.of();
        }
        LabResult weight = DoseCheck.recentWeight(patient, results);
        List<IngredientDose> contributions =
                DoseCheck.contributions(draft, ingredient, orders, DoseCheck.kilograms(weight));
        IngredientDose own = contributions.get(0);
        if (!Double.isFinite(own.singleMgPerKg())) {
            return List.of(); // no dose, or a mass dose without a weight (DOS-005)
        }
        boolean single = DoseCheck.exceeds(own.singleMgPerKg(), DoseCheck.ceilingMg(limit, false));
        boolean daily = DoseCheck.exceeds(totalPerKg(contributions), DoseCheck.ceilingMg(limit, true));
        if (!single && !daily) {
            return List.of();
        }
        String changeUnit = "mg/kg".equals(draft.dosage().doseUnit())
                ? "mg/kg"
                : IngredientDose.writtenAsMass(draft.dosage())
                                && draft.ingredients().size() == 1
                        ? "mg"
                        : null;
        boolean usedWeight = false;
        for (IngredientDose dose : contributions) {
            usedWeight |= Double.isFinite(dose.singleMg()) && Double.isFinite(dose.singleMgPerKg());
        }
        return List.of(new WeightBasedDoseFinding(
                draft.ref(), ingredient, limit, contributions, usedWeight ? weight : null, single, daily, changeUnit));
    }

    private static double totalPerKg(List<IngredientDose> contributions) {
        double total = 0;
        for (IngredientDose dose : contributions) {
            if (Double.isFinite(dose.dailyMgPerKg())) {
                total += dose.dailyMgPerKg();
            }
        }
        return total;
    }

    /** The ingredient's total mg/kg per dosing day over the orders whose amount could be computed. */
    public double totalMgPerKg() {
        return totalPerKg(contributions);
    }

    private boolean lowerBound() {
        return contributions.stream().anyMatch(dose -> !Double.isFinite(dose.dailyMgPerKg()));
    }

    private double singleRatio() {
        return contributions.get(0).singleMgPerKg() / DoseCheck.ceilingMg(limit, false);
    }

    private double dailyRatio() {
        return totalMgPerKg() / DoseCheck.ceilingMg(limit, true);
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "weight-based dose above the maximum";
    }

    @Override
    public String check() {
        return DoseCheck.CHECK;
    }

    @Override
    public Urgency urgency() {
        double ratio = Math.max(singleExceeded ? singleRatio() : 0, dailyExceeded ? dailyRatio() : 0);
        return DoseCheck.urgency(ratio);
    }

    @Override
    public String summary() {
        String name = Text.capitalize(ingredient.name());
        String perDose = DoseCheck.number(contributions.get(0).singleMgPerKg()) + " mg/kg per dose";
        String perDay = (lowerBound() ? "at least " : "") + DoseCheck.number(totalMgPerKg()) + " mg/kg per day";
        String maxSingle = DoseCheck.number(DoseCheck.ceilingMg(limit, false));
        String maxDaily = DoseCheck.number(DoseCheck.ceilingMg(limit, true));
        if (singleExceeded && dailyExceeded) {
            return DoseCheck.fit(
                    name + " " + perDose + " and " + perDay + " exceed the " + maxSingle + " mg/kg per dose and "
                            + maxDaily + " mg/kg per day maxima",
                    name + " " + perDose + " and " + perDay + " exceed the weight-based maxima");
        }
        if (singleExceeded) {
            return name + " " + perDose + " exceeds the " + maxSingle + " mg/kg maximum single dose";
        }
        return name + " " + perDay + " exceeds the " + maxDaily + " mg/kg maximum daily dose";
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        IngredientDose own = contributions.get(0);
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(')');
        if (!own.written().isEmpty()) {
            detail.append(": ").append(own.written());
        }
        if (weight != null) {
            detail.append("\n\n**Body weight:** ").append(ResultText.valueAndDate(weight));
        }
        detail.append("\n\n**Per dose:** ")
                .append(DoseCheck.number(own.singleMgPerKg()))
                .append(" mg/kg");
        if (Double.isFinite(own.singleMg())) {
            detail.append(" (").append(DoseCheck.number(own.singleMg())).append(" mg)");
        }
        if (singleExceeded) {
            detail.append(", ").append(DoseCheck.number(singleRatio())).append(" times the maximum");
        }
        detail.append("\n\n**Per day:** ")
                .append(lowerBound() ? "at least " : "")
                .append(DoseCheck.number(totalMgPerKg()))
                .append(" mg/kg");
        if (dailyExceeded) {
            detail.append(", ").append(DoseCheck.number(dailyRatio())).append(" times the maximum");
        }
        detail.append(". Orders counted:");
        for (IngredientDose dose : contributions) {
            detail.append("\n- ")
                    .append(dose.order().display())
                    .append(" (")
                    .append(dose.order().state().label())
                    .append("): ")
                    .append(
                            Double.isFinite(dose.dailyMgPerKg())
                                    ? DoseCheck.number(dose.dailyMgPerKg()) + " mg/kg per day"
                                    : "not computable, not counted");
        }
        DoseCheck.appendRow(detail, limit);
        detail.append("\n\n**Advice:** recheck the weight and the dose calculation; keep each dose at or below ")
                .append(DoseCheck.number(DoseCheck.ceilingMg(limit, false)))
                .append(" mg/kg and the total from every order at or below ")
                .append(DoseCheck.number(DoseCheck.ceilingMg(limit, true)))
                .append(" mg/kg per day.");
        return detail.toString();
    }

    /**
     * Lower a single dose above the maximum to the maximum (in mg/kg as written, or in whole mg for
     * the recorded weight), then remove the order.
     */
    @Override
    public List<Remedy> remedies() {
        List<Remedy> remedies = new ArrayList<>(2);
        double maxPerKg = DoseCheck.ceilingMg(limit, false);
        if (singleExceeded && Double.isFinite(maxPerKg) && changeUnit != null) {
            if (changeUnit.equals("mg/kg")) {
                remedies.add(new Remedy.ChangeDose(order, DoseCheck.decimal(maxPerKg), "mg/kg"));
            } else if (weight != null) {
                BigDecimal mg = BigDecimal.valueOf(maxPerKg * weight.value()).setScale(0, RoundingMode.FLOOR);
                remedies.add(new Remedy.ChangeDose(order, mg, "mg"));
            }
        }
        remedies.add(new Remedy.RemoveOrder(order));
        return remedies;
    }
}
