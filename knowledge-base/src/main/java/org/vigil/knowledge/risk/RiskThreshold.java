package org.vigil.knowledge.risk;

import java.math.BigDecimal;
import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One row of {@code risk-thresholds.tsv}: a value at or above which a score or count means
 * something (qSOFA 2 or more, NEWS2 7 or more, 10 or more medications).
 *
 * @param score the score or flag id, e.g. {@code news2}, {@code polypharmacy}
 * @param level what the threshold marks within the score, e.g. {@code emergency}, {@code age}
 * @param atLeast reached when the value is at or above it
 * @param meaning what reaching it means, in our words
 */
public record RiskThreshold(
        String score, String level, BigDecimal atLeast, String meaning, Citation citation, int line) {

    public RiskThreshold {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(atLeast, "atLeast");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(citation, "citation");
    }

    public boolean reachedBy(double value) {
        return Double.isFinite(value) && value >= atLeast.doubleValue();
    }

    /** The threshold as a plain number: {@code 2}, {@code 7}, {@code 65}. */
    public String limit() {
        return atLeast.stripTrailingZeros().toPlainString();
    }
}
