package org.vigil.knowledge.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.knowledge.KnowledgeLoadException;

/** Fictional fixture rows: they exercise validation, they are not knowledge. */
class RiskKnowledgeValidationTest {

    private static final Set<String> ANALYTES = Set.of("respiratory_rate", "heart_rate");
    private static final String SCORES_HEADER =
            "score\tparameter\tparameter_name\tanalyte\trange\tpoints\tsource\tsource_url\n";
    private static final String THRESHOLDS_HEADER = "score\tlevel\tat_least\tmeaning\tsource\tsource_url\n";
    private static final String GOOD_THRESHOLD = "fixture\tpositive\t2\tflag\ts\t\n";

    private static String row(String... fields) {
        return String.join("\t", fields) + "\n";
    }

    private static RiskKnowledge parse(String scores, String thresholds) {
        Map<String, byte[]> tables = new HashMap<>();
        tables.put(RiskKnowledge.RISK_SCORES, scores.getBytes(StandardCharsets.UTF_8));
        tables.put(RiskKnowledge.RISK_THRESHOLDS, thresholds.getBytes(StandardCharsets.UTF_8));
        return RiskKnowledge.parse(tables, ANALYTES);
    }

    @Test
    void aValidTableLoadsAndValuesFallInTheirBand() {
        RiskKnowledge risk = parse(
                SCORES_HEADER
                        + row("fixture", "rate", "Rate", "respiratory_rate", "(,8]", "3", "s", "")
                        + row("fixture", "rate", "Rate", "respiratory_rate", "(8,20]", "0", "s", "")
                        + row("fixture", "rate", "Rate", "respiratory_rate", "(20,)", "2", "s", "https://example.org")
                        + row("fixture", "oxygen", "Oxygen", "", "", "2", "s", ""),
                THRESHOLDS_HEADER + GOOD_THRESHOLD);
        assertThat(risk.band("fixture", "rate", 8))
                .get()
                .extracting(ScoreBand::points)
                .isEqualTo(3);
        assertThat(risk.band("fixture", "rate", 8.5))
                .get()
                .extracting(ScoreBand::points)
                .isEqualTo(0);
        assertThat(risk.band("fixture", "rate", 20))
                .get()
                .extracting(ScoreBand::points)
                .isEqualTo(0);
        assertThat(risk.band("fixture", "rate", 20.5))
                .get()
                .extracting(ScoreBand::points)
                .isEqualTo(2);
        assertThat(risk.band("fixture", "rate", Double.NaN)).isEmpty();
        assertThat(risk.band("other", "rate", 30)).isEmpty();
        assertThat(risk.parameters("fixture")).containsExactly("rate", "oxygen");
        assertThat(risk.bands("fixture", "oxygen")).singleElement().satisfies(band -> {
            assertThat(band.analyte()).isNull();
            assertThat(band.points()).isEqualTo(2);
        });
        assertThat(risk.threshold("fixture", "positive")).get().satisfies(threshold -> {
            assertThat(threshold.reachedBy(2)).isTrue();
            assertThat(threshold.reachedBy(1.9)).isFalse();
            assertThat(threshold.limit()).isEqualTo("2");
        });
    }

    @Test
    void rangesParseAndRead() {
        assertThat(ScoreRange.parse("[22,)").contains(22)).isTrue();
        assertThat(ScoreRange.parse("[22,)").contains(21.9)).isFalse();
        assertThat(ScoreRange.parse("(,100]").contains(100)).isTrue();
        assertThat(ScoreRange.parse("(,15)").contains(15)).isFalse();
        assertThat(ScoreRange.parse("(,15)").contains(14)).isTrue();
        assertThat(ScoreRange.parse("[22,)").describe()).isEqualTo("22 or more");
        assertThat(ScoreRange.parse("(,100]").describe()).isEqualTo("100 or less");
        assertThat(ScoreRange.parse("(20,24]").describe()).isEqualTo("above 20 to 24");
        assertThat(ScoreRange.parse("(,15)").describe()).isEqualTo("below 15");
        assertThat(ScoreRange.parse("(20,24]").overlaps(ScoreRange.parse("(24,)")))
                .isFalse();
        assertThat(ScoreRange.parse("(20,24]").overlaps(ScoreRange.parse("[24,)")))
                .isTrue();
    }

    static Stream<Arguments> badScoreRows() {
        return Stream.of(
                Arguments.of(row("fixture", "rate", "Rate", "potassium", "[1,)", "1", "s", ""), "unknown lab analyte"),
                Arguments.of(
                        row("fixture", "rate", "Rate", "heart_rate", "", "1", "s", ""), "both given or both blank"),
                Arguments.of(row("fixture", "rate", "Rate", "", "[1,)", "1", "s", ""), "both given or both blank"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "1-5", "1", "s", ""), "column 'range'"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "[5,1]", "1", "s", ""), "empty interval"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "[,5]", "1", "s", ""), "open side"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "(,)", "1", "s", ""), "at least one bound"),
                Arguments.of(
                        row("fixture", "rate", "Rate", "heart_rate", "[1,)", "4", "s", ""), "whole number from 0 to 3"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "[1,)", "1.5", "s", ""), "whole number"),
                Arguments.of(row("fixture", "rate", "Rate", "heart_rate", "[1,)", "1", "", ""), "missing source"),
                Arguments.of(row("Fixture", "rate", "Rate", "heart_rate", "[1,)", "1", "s", ""), "lower-case id"),
                Arguments.of(
                        row("fixture", "base", "Base", "respiratory_rate", "[5,)", "1", "s", ""),
                        "compares another analyte"),
                Arguments.of(
                        row("fixture", "base", "Other name", "heart_rate", "[5,)", "1", "s", ""), "named differently"),
                Arguments.of(row("fixture", "base", "Base", "heart_rate", "[10,20]", "1", "s", ""), "overlaps"));
    }

    @ParameterizedTest
    @MethodSource("badScoreRows")
    void badScoreRowsAreRefusedWithTheirLine(String bad, String message) {
        String base = row("fixture", "base", "Base", "heart_rate", "(,10]", "0", "s", "");
        KnowledgeLoadException error = catchThrowableOfType(
                KnowledgeLoadException.class,
                () -> parse(SCORES_HEADER + base + bad, THRESHOLDS_HEADER + GOOD_THRESHOLD));
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .contains(RiskKnowledge.RISK_SCORES)
                .contains(":3")
                .contains(message);
    }

    static Stream<Arguments> badThresholdRows() {
        return Stream.of(
                Arguments.of(row("fixture", "positive", "3", "again", "s", ""), "duplicate threshold"),
                Arguments.of(row("fixture", "other", "0", "m", "s", ""), "must be positive"),
                Arguments.of(row("fixture", "other", "two", "m", "s", ""), "not a number"),
                Arguments.of(row("fixture", "other", "2", "", "s", ""), "'meaning' is blank"),
                Arguments.of(row("fixture", "other", "2", "m", "", ""), "missing source"));
    }

    @ParameterizedTest
    @MethodSource("badThresholdRows")
    void badThresholdRowsAreRefusedWithTheirLine(String bad, String message) {
        KnowledgeLoadException error = catchThrowableOfType(
                KnowledgeLoadException.class, () -> parse(SCORES_HEADER, THRESHOLDS_HEADER + GOOD_THRESHOLD + bad));
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .contains(RiskKnowledge.RISK_THRESHOLDS)
                .contains(":3")
                .contains(message);
    }

    @Test
    void aMissingTableIsRefused() {
        Map<String, byte[]> tables = new HashMap<>();
        tables.put(RiskKnowledge.RISK_SCORES, SCORES_HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowableOfType(KnowledgeLoadException.class, () -> RiskKnowledge.parse(tables, ANALYTES)))
                .hasMessageContaining(RiskKnowledge.RISK_THRESHOLDS)
                .hasMessageContaining("table missing");
    }
}
