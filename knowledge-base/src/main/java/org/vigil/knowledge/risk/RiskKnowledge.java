package org.vigil.knowledge.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Bedside risk scores (the bands of qSOFA and NEWS2, each parameter scored from the latest result of
 * a lab-catalog analyte) and the thresholds of the patient-view risk flags. Immutable.
 */
public final class RiskKnowledge {

    public static final String RISK_SCORES = "risk-scores.tsv";
    public static final String RISK_THRESHOLDS = "risk-thresholds.tsv";

    /** The tables this part loads, in load and hashing order. */
    public static final List<String> FILES = List.of(RISK_SCORES, RISK_THRESHOLDS);

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    /** No bedside parameter scores more than this in the scores Vigil knows (NEWS2 and qSOFA give 0-3). */
    private static final int MAX_POINTS = 3;

    private static final List<String> SCORE_COLUMNS =
            List.of("score", "parameter", "parameter_name", "analyte", "range", "points", "source");
    private static final List<String> THRESHOLD_COLUMNS = List.of("score", "level", "at_least", "meaning", "source");

    private final List<ScoreBand> bands;
    private final Map<String, List<ScoreBand>> byScore;
    private final Map<String, RiskThreshold> thresholds;

    private RiskKnowledge(List<ScoreBand> bands, Map<String, RiskThreshold> thresholds) {
        this.bands = List.copyOf(bands);
        Map<String, List<ScoreBand>> grouped = new LinkedHashMap<>();
        for (ScoreBand band : bands) {
            grouped.computeIfAbsent(band.score(), ignored -> new ArrayList<>()).add(band);
        }
        grouped.replaceAll((score, rows) -> List.copyOf(rows));
        this.byScore = Map.copyOf(grouped);
        this.thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
    }

    /**
     * Parses and validates {@link #FILES}.
     *
     * @param analyteIds the lab-catalog analyte ids; a band's analyte must be one of them
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static RiskKnowledge parse(Map<String, byte[]> tables, Set<String> analyteIds) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(analyteIds, "analyteIds");
        List<ScoreBand> bands = new ArrayList<>();
        Map<String, ScoreBand> firstOfParameter = new HashMap<>();
        TsvReader.read(RISK_SCORES, bytes(tables, RISK_SCORES), SCORE_COLUMNS, row -> {
            ScoreBand band = band(row, analyteIds);
            String key = band.score() + '|' + band.parameter();
            ScoreBand first = firstOfParameter.putIfAbsent(key, band);
            if (first != null) {
                if (!Objects.equals(first.analyte(), band.analyte())) {
                    throw row.error("parameter '" + band.parameter() + "' of " + band.score()
                            + " compares another analyte than at line " + first.line());
                }
                if (!first.parameterName().equals(band.parameterName())) {
                    throw row.error("parameter '" + band.parameter() + "' of " + band.score()
                            + " is named differently at line " + first.line());
                }
                if (band.range() == null) {
                    throw row.error("parameter '" + band.parameter() + "' without an analyte has one row only");
                }
            }
            for (ScoreBand other : bands) {
                if (other.score().equals(band.score())
                        && other.parameter().equals(band.parameter())
                        && other.range() != null
                        && other.range().overlaps(band.range())) {
                    throw row.error("band " + band.range() + " of " + band.score() + " " + band.parameter()
                            + " overlaps " + other.range() + " at line " + other.line());
                }
            }
            bands.add(band);
        });
        Map<String, RiskThreshold> thresholds = new LinkedHashMap<>();
        TsvReader.read(RISK_THRESHOLDS, bytes(tables, RISK_THRESHOLDS), THRESHOLD_COLUMNS, row -> {
            RiskThreshold threshold = threshold(row);
            RiskThreshold first = thresholds.putIfAbsent(key(threshold.score(), threshold.level()), threshold);
            if (first != null) {
                throw row.error("duplicate threshold " + threshold.level() + " of " + threshold.score()
                        + " (first at line " + first.line() + ")");
            }
        });
        return new RiskKnowledge(bands, thresholds);
    }

    private static byte[] bytes(Map<String, byte[]> tables, String file) {
        byte[] bytes = tables.get(file);
        if (bytes == null) {
            throw new KnowledgeLoadException(file, 0, "table missing");
        }
        return bytes;
    }

    private static ScoreBand band(TsvRow row, Set<String> analyteIds) {
        String score = id(row, "score");
        String parameter = id(row, "parameter");
        String name = row.required("parameter_name");
        String analyte = row.optional("analyte");
        if (analyte != null && !analyteIds.contains(analyte)) {
            throw row.error(
                    "column 'analyte' refers to unknown lab analyte '" + analyte + "' (not in lab-analytes.tsv)");
        }
        String text = row.optional("range");
        if ((analyte == null) != (text == null)) {
            throw row.error("columns 'analyte' and 'range' are both given or both blank");
        }
        ScoreRange range = null;
        if (text != null) {
            try {
                range = ScoreRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw row.error("column 'range': " + e.getMessage());
            }
        }
        BigDecimal points = row.decimal("points");
        if (points.signum() < 0
                || points.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0
                || points.stripTrailingZeros().scale() > 0) {
            throw row.error(
                    "points must be a whole number from 0 to " + MAX_POINTS + ", not " + points.toPlainString());
        }
        return new ScoreBand(score, parameter, name, analyte, range, points.intValue(), row.citation(), row.line());
    }

    private static RiskThreshold threshold(TsvRow row) {
        String score = id(row, "score");
        String level = id(row, "level");
        BigDecimal atLeast = row.decimal("at_least");
        if (atLeast.signum() <= 0) {
            throw row.error("at_least must be positive, not " + atLeast.toPlainString());
        }
        return new RiskThreshold(score, level, atLeast, row.required("meaning"), row.citation(), row.line());
    }

    private static String id(TsvRow row, String column) {
        String value = row.required(column);
        if (!ID.matcher(value).matches()) {
            throw row.error("column '" + column + "' must be a lower-case id, not '" + value + "'");
        }
        return value;
    }

    private static String key(String score, String level) {
        return score + '|' + level;
    }

    /** Every band of a score, in table order; empty when the table has none. */
    public List<ScoreBand> bands(String score) {
        return byScore.getOrDefault(score, List.of());
    }

    /** The parameter ids of a score, in table order. */
    public List<String> parameters(String score) {
        Set<String> parameters = new LinkedHashSet<>();
        for (ScoreBand band : bands(score)) {
            parameters.add(band.parameter());
        }
        return List.copyOf(parameters);
    }

    /** The rows of one parameter of a score, in table order. */
    public List<ScoreBand> bands(String score, String parameter) {
        return bands(score).stream()
                .filter(band -> band.parameter().equals(parameter))
                .toList();
    }

    /** The band a value of the parameter lies in; empty when none (a criterion not met, for qSOFA). */
    public Optional<ScoreBand> band(String score, String parameter, double value) {
        for (ScoreBand band : bands(score)) {
            if (band.parameter().equals(parameter) && band.contains(value)) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    public Optional<RiskThreshold> threshold(String score, String level) {
        return Optional.ofNullable(thresholds.get(key(score, level)));
    }

    /** Every band, in table order. */
    public List<ScoreBand> all() {
        return bands;
    }

    /** Every threshold, in table order. */
    public List<RiskThreshold> thresholds() {
        return List.copyOf(thresholds.values());
    }

    @Override
    public String toString() {
        return "RiskKnowledge[" + bands.size() + " bands, " + thresholds.size() + " thresholds]";
    }
}
