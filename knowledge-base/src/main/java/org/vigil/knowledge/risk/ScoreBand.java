package org.vigil.knowledge.risk;

import java.util.Objects;
import org.vigil.knowledge.Citation;

/**
 * One row of {@code risk-scores.tsv}: the points a score gives a parameter whose value lies in a
 * band.
 *
 * @param score the score id, e.g. {@code qsofa} or {@code news2}
 * @param parameter the parameter id within the score, e.g. {@code respiratory_rate}
 * @param parameterName the parameter as the card names it
 * @param analyte the lab-catalog analyte whose latest result is compared, or null for a parameter
 *     no result in the catalog records (NEWS2 supplemental oxygen): the row then gives the points
 *     when the parameter is present
 * @param range the band, in the analyte's canonical unit; null exactly when {@code analyte} is null
 * @param points what a value in the band scores
 */
public record ScoreBand(
        String score,
        String parameter,
        String parameterName,
        String analyte,
        ScoreRange range,
        int points,
        Citation citation,
        int line) {

    public ScoreBand {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(parameterName, "parameterName");
        Objects.requireNonNull(citation, "citation");
        if ((analyte == null) != (range == null)) {
            throw new IllegalArgumentException("a band has both an analyte and a range, or neither");
        }
    }

    public boolean contains(double value) {
        return range != null && range.contains(value);
    }
}
