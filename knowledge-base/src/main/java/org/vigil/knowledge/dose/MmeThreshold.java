package org.vigil.knowledge.dose;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * A daily MME level that calls for action, reached at or above {@link #mmePerDay}.
 *
 * @param level caution (50 MME/day in the CDC guideline) or high (90 MME/day)
 * @param mmePerDay the threshold
 * @param meaning what reaching it means for the prescriber
 * @param citation where it comes from
 */
public record MmeThreshold(Level level, BigDecimal mmePerDay, String meaning, Citation citation) {

    public enum Level {
        CAUTION,
        HIGH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MmeThreshold {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(mmePerDay, "mmePerDay");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(citation, "citation");
    }

    public boolean isReachedBy(double mmePerDayTotal) {
        return mmePerDayTotal >= mmePerDay.doubleValue();
    }
}
