package org.vigil.dose;

import java.util.Objects;
import java.util.OptionalDouble;
import org.vigil.knowledge.Ingredient;
import org.vigil.rules.Dosage;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;

/**
 * How much of one ingredient one order gives, per administration and per dosing day, in milligrams
 * and in milligrams per kilogram of body weight. A value that cannot be computed is NaN: an unstated
 * dose or frequency, a tablet count without a stated strength, a mass dose of a combination product,
 * or a conversion between mg and mg/kg without a body weight.
 *
 * <p>The daily amount is the amount per <em>dosing</em> day: a once-weekly 15 mg order gives 15 mg
 * on its dosing day, not 15/7 mg a day, because a maximum daily dose is a ceiling for any 24 hours.
 *
 * @param order the order
 * @param written the dosage as the prescriber wrote it ({@link Dosage#describe()})
 * @param singleMg milligrams per administration
 * @param singleMgPerKg milligrams per kilogram per administration
 * @param dailyMg milligrams per dosing day
 * @param dailyMgPerKg milligrams per kilogram per dosing day
 */
public record IngredientDose(
        MedicationRef order,
        String written,
        double singleMg,
        double singleMgPerKg,
        double dailyMg,
        double dailyMgPerKg) {

    public IngredientDose {
        Objects.requireNonNull(order, "order");
        written = written == null ? "" : written;
    }

    /**
     * The amounts of {@code ingredient} that {@code order} gives, using {@code weightKg} (NaN when no
     * recent weight is known) to convert between mg and mg/kg.
     */
    public static IngredientDose of(MedicationFact order, Ingredient ingredient, double weightKg) {
        Dosage dosage = order.dosage();
        boolean weighed = weightKg > 0 && Double.isFinite(weightKg);
        double singleMg = Double.NaN;
        double singleMgPerKg = Double.NaN;
        OptionalDouble mass = dosage.singleDoseMg(order.medication(), ingredient);
        // mg/kg of a combination product would not say how much of which ingredient
        OptionalDouble perKg = order.ingredients().size() == 1 ? dosage.singleDoseMgPerKg() : OptionalDouble.empty();
        if (mass.isPresent()) {
            singleMg = mass.getAsDouble();
            singleMgPerKg = weighed ? singleMg / weightKg : Double.NaN;
        } else if (perKg.isPresent()) {
            singleMgPerKg = perKg.getAsDouble();
            singleMg = weighed ? singleMgPerKg * weightKg : Double.NaN;
        }
        double perDay = dosage.hasFrequency() ? dosage.administrationsPerDay() : Double.NaN;
        return new IngredientDose(
                order.ref(), dosage.describe(), singleMg, singleMgPerKg, singleMg * perDay, singleMgPerKg * perDay);
    }

    /** Whether the order states its dose as an amount of mass (mg, g, mcg), not per kilogram. */
    static boolean writtenAsMass(Dosage dosage) {
        String unit = dosage.doseUnit();
        return "mg".equals(unit) || "g".equals(unit) || "mcg".equals(unit) || "ug".equals(unit);
    }
}
