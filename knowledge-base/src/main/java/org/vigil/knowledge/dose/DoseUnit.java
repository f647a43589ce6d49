package org.vigil.knowledge.dose;

import java.util.Optional;

/** Units a dose limit is written in. Weight-based limits are per kilogram of body weight. */
public enum DoseUnit {
    MG("mg", 1.0, false),
    MCG("mcg", 0.001, false),
    G("g", 1000.0, false),
    UNIT("unit", Double.NaN, false),
    MG_PER_KG("mg/kg", 1.0, true);

    private final String code;
    private final double toMilligrams;
    private final boolean perKilogram;

    DoseUnit(String code, double toMilligrams, boolean perKilogram) {
        this.code = code;
        this.toMilligrams = toMilligrams;
        this.perKilogram = perKilogram;
    }

    /** The table spelling: {@code mg}, {@code mcg}, {@code g}, {@code unit}, {@code mg/kg}. */
    public String code() {
        return code;
    }

    /** True for a limit per kilogram of body weight ({@code mg/kg}). */
    public boolean perKilogram() {
        return perKilogram;
    }

    /** True for units of mass (mg, mcg, g, mg/kg), which convert into each other. */
    public boolean isMass() {
        return !Double.isNaN(toMilligrams);
    }

    /** An amount in this unit as milligrams (per kg for {@code mg/kg}); NaN for {@link #UNIT}. */
    public double toMilligrams(double amount) {
        return amount * toMilligrams;
    }

    /** The unit a code names, exactly as spelled in the tables (case-sensitive: mg is not Mg). */
    public static Optional<DoseUnit> of(String code) {
        for (DoseUnit unit : values()) {
            if (unit.code.equals(code)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
