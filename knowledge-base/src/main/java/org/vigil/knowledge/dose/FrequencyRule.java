package org.vigil.knowledge.dose;

import java.util.Locale;

/** A rule on how often a drug may be given, beyond its dose ceilings. */
public enum FrequencyRule {
    /**
     * The whole dose is given on one day a week (low-dose methotrexate for rheumatoid arthritis and
     * psoriasis). The label also allows that day's dose to be divided, so the rule counts dosing days,
     * not administrations: daily dosing is seven dosing days a week and violates it.
     */
    WEEKLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a regimen dosing on this many distinct days per week is allowed. */
    public boolean permitsDosingDaysPerWeek(double dosingDaysPerWeek) {
        return switch (this) {
            case WEEKLY -> dosingDaysPerWeek <= 1.0;
        };
    }

    /**
     * Whether a regimen repeating every {@code intervalDays} days is allowed (1 = daily, 7 = weekly);
     * a non-positive or non-finite interval is not.
     */
    public boolean permitsInterval(double intervalDays) {
        if (!(intervalDays > 0) || Double.isInfinite(intervalDays)) {
            return false;
        }
        return switch (this) {
            case WEEKLY -> intervalDays >= 7.0;
        };
    }
}
