package org.vigil.knowledge.dose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dose ceilings by ingredient, route and population. Immutable; a lookup is a few hash probes on a
 * primitive-derived key (the route first, then {@code any}; the setting first, then {@code any}).
 */
public final class DoseLimits {

    private final Map<Long, Optional<DoseLimit>> byKey;
    private final List<DoseLimit> rows;

    DoseLimits(Map<Long, Optional<DoseLimit>> byKey, List<DoseLimit> rows) {
        this.byKey = Map.copyOf(byKey);
        this.rows = List.copyOf(rows);
    }

    static long key(int rxcui, Route route, Population population, Setting setting) {
        return ((long) rxcui << 16) | (route.ordinal() << 8) | (population.ordinal() << 4) | setting.ordinal();
    }

    /**
     * The prescription limit of an ingredient by a route for a population: the row for that route if
     * there is one, else the row for {@code any} route; an older adult without a row of their own gets
     * the adult row. Empty for an unknown ingredient, an unknown route with no {@code any} row, or a
     * drug without a sourced ceiling.
     */
    public Optional<DoseLimit> limit(int rxcui, String route, Population population) {
        return limit(rxcui, route, population, Setting.PRESCRIPTION);
    }

    /** As {@link #limit(int, String, Population)} for a given setting (e.g. nonprescription use). */
    public Optional<DoseLimit> limit(int rxcui, String route, Population population, Setting setting) {
        if (population == null || setting == null) {
            return Optional.empty();
        }
        Route parsed = Route.lookup(route);
        Optional<DoseLimit> found = find(rxcui, parsed, population, setting);
        if (found.isEmpty() && population == Population.OLDER_ADULT) {
            found = find(rxcui, parsed, Population.ADULT, setting);
        }
        return found;
    }

    /**
     * The limit that applies to a patient of this age: pediatric below 18 years (or an adult row that
     * explicitly starts at a younger age, such as OTC labels for 12 years and over), an older-adult row
     * from the age it names (65 by default), else the adult row; each row's age bounds are honoured.
     */
    public Optional<DoseLimit> limitForAge(int rxcui, String route, double ageYears, Setting setting) {
        if (!Double.isFinite(ageYears) || ageYears < 0 || setting == null) {
            return Optional.empty();
        }
        Route parsed = Route.lookup(route);
        if (ageYears < Population.ADULT_FROM_YEARS) {
            Optional<DoseLimit> pediatric = find(rxcui, parsed, Population.PEDIATRIC, setting);
            if (pediatric.isPresent()) {
                return pediatric.get().appliesToAge(ageYears) ? pediatric : Optional.empty();
            }
            Optional<DoseLimit> adult = find(rxcui, parsed, Population.ADULT, setting);
            return adult.filter(row -> row.minAgeYears() != null && row.appliesToAge(ageYears));
        }
        Optional<DoseLimit> older = find(rxcui, parsed, Population.OLDER_ADULT, setting);
        if (older.isPresent()) {
            DoseLimit row = older.get();
            double from = row.minAgeYears() == null
                    ? Population.OLDER_ADULT_FROM_YEARS
                    : row.minAgeYears().doubleValue();
            if (ageYears >= from && row.appliesToAge(ageYears)) {
                return older;
            }
        }
        return find(rxcui, parsed, Population.ADULT, setting).filter(row -> row.appliesToAge(ageYears));
    }

    /** The frequency rule for an ingredient by a route, e.g. weekly oral methotrexate. */
    public Optional<FrequencyRule> frequencyRule(int rxcui, String route, Population population) {
        return limit(rxcui, route, population, Setting.ANY).flatMap(DoseLimit::frequencyRule);
    }

    /** Every row as loaded, in table order (class rows once, not per member). */
    public List<DoseLimit> rows() {
        return rows;
    }

    private Optional<DoseLimit> find(int rxcui, Route route, Population population, Setting setting) {
        // an unknown route can still be covered by an "any" row
        if (route != null && route != Route.ANY) {
            Optional<DoseLimit> exact = probe(rxcui, route, population, setting);
            if (exact.isPresent()) {
                return exact;
            }
        }
        return probe(rxcui, Route.ANY, population, setting);
    }

    private Optional<DoseLimit> probe(int rxcui, Route route, Population population, Setting setting) {
        Optional<DoseLimit> row = byKey.get(key(rxcui, route, population, setting));
        if (row == null && setting != Setting.ANY) {
            row = byKey.get(key(rxcui, route, population, Setting.ANY));
        }
        return row == null ? Optional.empty() : row;
    }
}
