package org.vigil.knowledge.dose;

import java.util.Locale;

/** The patient population a dose limit is written for. */
public enum Population {
    ADULT,
    /** Older adults; a row may say from which age it applies (65 when it does not). */
    OLDER_ADULT,
    PEDIATRIC;

    /** Age, in years, from which a patient is an older adult unless a row says otherwise. */
    public static final double OLDER_ADULT_FROM_YEARS = 65;

    /** Age, in years, below which a patient is a pediatric patient. */
    public static final double ADULT_FROM_YEARS = 18;

    /** The table spelling, e.g. {@code older-adult}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
