package org.vigil.knowledge.dose;

import java.util.Locale;

/**
 * Whether a limit is the prescription or the nonprescription (self-care, OTC Drug Facts) maximum;
 * {@link #ANY} rows hold for both.
 */
public enum Setting {
    PRESCRIPTION,
    NONPRESCRIPTION,
    ANY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
