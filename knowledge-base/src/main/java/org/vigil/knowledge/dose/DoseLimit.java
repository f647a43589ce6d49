package org.vigil.knowledge.dose;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vigil.knowledge.Citation;

/**
 * One row of {@code dose-limits.tsv}: the labelled maxima of an ingredient by one route for one
 * population. Amounts are in {@link #unit()}; a null amount means the source sets no such ceiling.
 *
 * @param subject the row's ingredient column as written: an RxCUI or {@code class:<id>}
 * @param route the route the row was written for ({@link Route#ANY} for every route)
 * @param population who the row is for
 * @param setting prescription, nonprescription (OTC) or both
 * @param maxSingleDose the highest dose per administration, or null
 * @param maxDailyDose the highest dose per 24 hours, or null
 * @param unit the unit of every amount of the row
 * @param frequency a frequency rule, or null
 * @param usualMaxDailyDose above this daily dose the label restricts use to patients already
 *     established on it, or null
 * @param minAgeYears the row applies from this age (inclusive), or null
 * @param maxAgeYears the row applies below this age (exclusive), or null
 * @param note what the pharmacist should know beyond the numbers, or null
 * @param citation where the row comes from
 * @param line the row's line in {@code dose-limits.tsv}
 */
public record DoseLimit(
        String subject,
        Route route,
        Population population,
        Setting setting,
        BigDecimal maxSingleDose,
        BigDecimal maxDailyDose,
        DoseUnit unit,
        FrequencyRule frequency,
        BigDecimal usualMaxDailyDose,
        BigDecimal minAgeYears,
        BigDecimal maxAgeYears,
        String note,
        Citation citation,
        int line) {

    public DoseLimit {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(citation, "citation");
        if (unit == null && (maxSingleDose != null || maxDailyDose != null || usualMaxDailyDose != null)) {
            throw new IllegalArgumentException("an amount needs a unit");
        }
    }

    public Optional<FrequencyRule> frequencyRule() {
        return Optional.ofNullable(frequency);
    }

    public OptionalDouble maxSingle() {
        return maxSingleDose == null ? OptionalDouble.empty() : OptionalDouble.of(maxSingleDose.doubleValue());
    }

    public OptionalDouble maxDaily() {
        return maxDailyDose == null ? OptionalDouble.empty() : OptionalDouble.of(maxDailyDose.doubleValue());
    }

    /** Whether the row is written for a patient of this age (in years). */
    public boolean appliesToAge(double ageYears) {
        return (minAgeYears == null || ageYears >= minAgeYears.doubleValue())
                && (maxAgeYears == null || ageYears < maxAgeYears.doubleValue());
    }

    /**
     * Whether a single dose exceeds {@link #maxSingleDose}, the dose given in {@code doseUnit}.
     * Weight-based rows need {@code weightKg}; a dose that cannot be compared (no ceiling, a unit of
     * another kind, no weight for a weight-based row) is not reported as exceeding.
     */
    public boolean singleDoseExceeds(double dose, DoseUnit doseUnit, double weightKg) {
        return exceeds(maxSingleDose, dose, doseUnit, weightKg);
    }

    /** As {@link #singleDoseExceeds}, for a total daily dose against {@link #maxDailyDose}. */
    public boolean dailyDoseExceeds(double dailyDose, DoseUnit doseUnit, double weightKg) {
        return exceeds(maxDailyDose, dailyDose, doseUnit, weightKg);
    }

    private boolean exceeds(BigDecimal limit, double dose, DoseUnit doseUnit, double weightKg) {
        if (limit == null || doseUnit == null || !Double.isFinite(dose)) {
            return false;
        }
        double ceiling = limit.doubleValue();
        if (unit == DoseUnit.UNIT || doseUnit == DoseUnit.UNIT) {
            return unit == doseUnit && dose > ceiling;
        }
        if (doseUnit.perKilogram()) {
            return false; // orders carry absolute amounts; a per-kg order is normalized upstream
        }
        double doseMg = doseUnit.toMilligrams(dose);
        double ceilingMg = unit.toMilligrams(ceiling);
        if (unit.perKilogram()) {
            if (!(weightKg > 0) || !Double.isFinite(weightKg)) {
                return false;
            }
            ceilingMg *= weightKg;
        }
        // a relative tolerance so that 4 g and 4000 mg compare equal despite binary rounding
        return doseMg > ceilingMg * (1 + 1e-9);
    }
}
