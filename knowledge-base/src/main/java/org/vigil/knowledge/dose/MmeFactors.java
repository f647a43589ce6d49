package org.vigil.knowledge.dose;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Morphine milligram equivalent conversion factors and the daily MME thresholds. Immutable; a
 * factor lookup is one or two hash probes and allocates nothing.
 *
 * <p>MME estimate opioid exposure for a safety check; they must never be used to convert a patient
 * from one opioid to another (CDC 2022).
 */
public final class MmeFactors {

    private final Map<Long, MmeFactor> byKey;
    private final Map<Long, OptionalDouble> factorByKey;
    private final List<MmeFactor> rows;
    private final MmeThreshold caution;
    private final MmeThreshold high;

    MmeFactors(Map<Long, MmeFactor> byKey, List<MmeFactor> rows, MmeThreshold caution, MmeThreshold high) {
        this.byKey = Map.copyOf(byKey);
        Map<Long, OptionalDouble> factors = new java.util.HashMap<>();
        byKey.forEach((key, row) -> factors.put(key, row.asOptional()));
        this.factorByKey = Map.copyOf(factors);
        this.rows = List.copyOf(rows);
        this.caution = caution;
        this.high = high;
    }

    static long key(int rxcui, Route route) {
        return ((long) rxcui << 8) | route.ordinal();
    }

    /**
     * The conversion factor of an opioid by a route (the route's own row, else an {@code any} row);
     * empty for a non-opioid, an unknown route, or a route the source gives no factor for (e.g.
     * parenteral morphine). For fentanyl transdermal the factor is per mcg/hr, see {@link #row}.
     */
    public OptionalDouble factor(int rxcui, String route) {
        Route given = Route.lookup(route);
        if (given == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble factor = factorByKey.get(key(rxcui, given));
        if (factor == null && given != Route.ANY) {
            factor = factorByKey.get(key(rxcui, Route.ANY));
        }
        return factor == null ? OptionalDouble.empty() : factor;
    }

    /** The full row behind {@link #factor}, with its dose unit and citation. */
    public Optional<MmeFactor> row(int rxcui, String route) {
        Route given = Route.lookup(route);
        if (given == null) {
            return Optional.empty();
        }
        MmeFactor row = byKey.get(key(rxcui, given));
        if (row == null && given != Route.ANY) {
            row = byKey.get(key(rxcui, Route.ANY));
        }
        return Optional.ofNullable(row);
    }

    /**
     * MME per day of one opioid. {@code amount} is the total daily dose in {@code unit} (mg, mcg or
     * g) for factors per mg/day, or the patch delivery rate in mcg/hr (also accepted as mcg/h or the
     * UCUM ug/h) for fentanyl transdermal. Empty when there is no factor or the unit does not fit the
     * factor: a patch rate is never read as a daily dose, nor the other way round.
     */
    public OptionalDouble mmePerDay(int rxcui, String route, double amount, String unit) {
        Optional<MmeFactor> found = row(rxcui, route);
        if (found.isEmpty() || !Double.isFinite(amount) || amount < 0 || unit == null) {
            return OptionalDouble.empty();
        }
        MmeFactor row = found.get();
        double factor = row.factor().doubleValue();
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (row.doseUnit() == MmeDoseUnit.MCG_PER_HOUR) {
            return switch (u) {
                case "mcg/hr", "mcg/h", "ug/h", "ug/hr" -> OptionalDouble.of(amount * factor);
                default -> OptionalDouble.empty();
            };
        }
        double milligrams = switch (u) {
            case "mg", "mg/day", "mg/d" -> amount;
            case "mcg", "ug", "mcg/day", "ug/d" -> amount / 1000.0;
            case "g", "g/day", "g/d" -> amount * 1000.0;
            default -> Double.NaN;
        };
        return Double.isNaN(milligrams) ? OptionalDouble.empty() : OptionalDouble.of(milligrams * factor);
    }

    /** The caution threshold (50 MME/day in the bundled table). */
    public MmeThreshold caution() {
        return caution;
    }

    /** The high threshold (90 MME/day in the bundled table). */
    public MmeThreshold high() {
        return high;
    }

    /** The highest threshold a daily total reaches, if any. */
    public Optional<MmeThreshold> thresholdReached(double mmePerDayTotal) {
        if (high.isReachedBy(mmePerDayTotal)) {
            return Optional.of(high);
        }
        return caution.isReachedBy(mmePerDayTotal) ? Optional.of(caution) : Optional.empty();
    }

    /** Every factor row as loaded, in table order. */
    public List<MmeFactor> rows() {
        return rows;
    }
}
