package org.vigil.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.RecognizedMedication;

/**
 * What the prescriber wrote in {@code dosageInstruction}, reduced to what the dose, route and opioid
 * checks compute with. Every part may be unstated; a check that needs an unstated part stays quiet
 * rather than guess.
 *
 * @param dose amount per administration (the upper bound of a range), or null when unstated
 * @param doseUnit the dose's unit in lower case ({@code mg}, {@code mcg}, {@code g}, {@code mg/kg},
 *     {@code ml}, {@code tablet}, {@code capsule}, {@code patch}, {@code mcg/h}), null exactly when
 *     {@code dose} is
 * @param administrationsPerDay the most administrations the timing allows on a dosing day (a range
 *     such as "every 4 to 6 hours" counts its shortest interval), or NaN when unstated
 * @param daysBetweenDosingDays 1 for daily dosing, 7 for once weekly, 2 for every other day; NaN when unstated
 * @param route the route in the knowledge tables' words ({@code oral}, {@code intravenous}, ...), or
 *     null when unstated or not one the tables know
 * @param routeText the route as the prescriber wrote it, for the card
 * @param timingText the timing as written (code or text), for the card
 * @param asNeeded whether the order is "as needed" (the maximum daily dose still applies)
 */
public record Dosage(
        BigDecimal dose,
        String doseUnit,
        double administrationsPerDay,
        double daysBetweenDosingDays,
        String route,
        String routeText,
        String timingText,
        boolean asNeeded) {

    public static final Dosage UNSTATED = new Dosage(null, null, Double.NaN, Double.NaN, null, null, null, false);

    public Dosage {
        if ((dose == null) != (doseUnit == null)) {
            throw new IllegalArgumentException("a dose needs its unit");
        }
        doseUnit = doseUnit == null ? null : doseUnit.toLowerCase(Locale.ROOT);
    }

    public boolean hasDose() {
        return dose != null;
    }

    public boolean hasFrequency() {
        return !Double.isNaN(administrationsPerDay);
    }

    /**
     * How much of one ingredient a single administration gives, in milligrams: a mass dose of a
     * single-ingredient product, or a count of tablets, capsules or millilitres times the strength
     * the product's RxNorm name states. Empty when that cannot be known (a mass dose of a
     * combination product, a count without a stated strength, a per-kilogram dose).
     */
    public OptionalDouble singleDoseMg(RecognizedMedication medication, Ingredient ingredient) {
        if (dose == null) {
            return OptionalDouble.empty();
        }
        double amount = dose.doubleValue();
        double massFactor = massFactor(doseUnit);
        if (!Double.isNaN(massFactor)) {
            return medication.ingredients().size() == 1
                    ? OptionalDouble.of(amount * massFactor)
                    : OptionalDouble.empty();
        }
        Component component = componentOf(medication, ingredient);
        if (component == null || component.strength() == null) {
            return OptionalDouble.empty();
        }
        String strengthUnit = component.unit().toLowerCase(Locale.ROOT);
        double strength = component.strength().doubleValue();
        if (isUnitCount(doseUnit)) {
            double perUnit = massFactor(strengthUnit);
            return Double.isNaN(perUnit) ? OptionalDouble.empty() : OptionalDouble.of(amount * strength * perUnit);
        }
        if ("ml".equals(doseUnit) && strengthUnit.endsWith("/ml")) {
            double perUnit = massFactor(strengthUnit.substring(0, strengthUnit.length() - 3));
            return Double.isNaN(perUnit) ? OptionalDouble.empty() : OptionalDouble.of(amount * strength * perUnit);
        }
        return OptionalDouble.empty();
    }

    /** Milligrams of the ingredient per dosing day, or empty when the dose or the frequency is unstated. */
    public OptionalDouble dailyDoseMg(RecognizedMedication medication, Ingredient ingredient) {
        if (!hasFrequency()) {
            return OptionalDouble.empty();
        }
        OptionalDouble single = singleDoseMg(medication, ingredient);
        return single.isPresent() ? OptionalDouble.of(single.getAsDouble() * administrationsPerDay) : single;
    }

    /** Milligrams of the ingredient per kilogram for one administration of a weight-based order. */
    public OptionalDouble singleDoseMgPerKg() {
        if (dose == null || !"mg/kg".equals(doseUnit)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(dose.doubleValue());
    }

    /** Milligrams per unit, or NaN when the unit is not a mass. */
    static double massFactor(String unit) {
        if (unit == null) {
            return Double.NaN;
        }
        return switch (unit) {
            case "mg" -> 1.0;
            case "g" -> 1000.0;
            case "mcg", "ug" -> 0.001;
            default -> Double.NaN;
        };
    }

    static boolean isUnitCount(String unit) {
        return switch (unit) {
            case "tablet", "capsule", "patch", "suppository", "each" -> true;
            default -> false;
        };
    }

    private static Component componentOf(RecognizedMedication medication, Ingredient ingredient) {
        for (Component component : medication.components()) {
            if (component.ingredient().rxcui() == ingredient.rxcui()) {
                return component;
            }
        }
        return null;
    }

    /** How the prescriber's instruction reads on a card: "2 tablets oral every 6 hours". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (dose != null) {
            text.append(dose.stripTrailingZeros().toPlainString()).append(' ').append(doseUnit);
            if (isUnitCount(doseUnit) && dose.compareTo(BigDecimal.ONE) != 0) {
                text.append(doseUnit.endsWith("h") ? "es" : "s");
            }
        }
        String where = route != null ? route : routeText;
        if (where != null) {
            text.append(text.isEmpty() ? "" : " ").append(where);
        }
        if (timingText != null) {
            text.append(text.isEmpty() ? "" : " ").append(timingText);
        }
        if (asNeeded) {
            text.append(text.isEmpty() ? "" : " ").append("as needed");
        }
        return text.toString();
    }
}
