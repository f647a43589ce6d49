package org.vigil.knowledge.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.knowledge.KnowledgeSnapshot;

/** The bundled risk tables: every band the rules need, as the sources print them. */
class RiskKnowledgeTest {

    private static final RiskKnowledge RISK = KnowledgeSnapshot.bundled().risk();

    private static int points(String score, String parameter, double value) {
        return RISK.band(score, parameter, value).map(ScoreBand::points).orElse(0);
    }

    @Test
    void qsofaCriteriaAreSepsis3() {
        assertThat(RISK.parameters("qsofa")).containsExactly("respiratory_rate", "systolic_bp", "altered_mentation");
        assertThat(points("qsofa", "respiratory_rate", 22)).isEqualTo(1);
        assertThat(points("qsofa", "respiratory_rate", 21)).isZero();
        assertThat(points("qsofa", "systolic_bp", 100)).isEqualTo(1);
        assertThat(points("qsofa", "systolic_bp", 101)).isZero();
        assertThat(points("qsofa", "altered_mentation", 14)).isEqualTo(1);
        assertThat(points("qsofa", "altered_mentation", 15)).isZero();
        assertThat(RISK.threshold("qsofa", "positive"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("2");
    }

    @Test
    void news2BandsAreTheRcpChart() {
        assertThat(RISK.parameters("news2"))
                .containsExactly(
                        "respiration_rate",
                        "spo2_scale_1",
                        "air_or_oxygen",
                        "systolic_bp",
                        "pulse",
                        "consciousness",
                        "temperature");
        assertThat(List.of(8, 9, 11, 12, 20, 21, 24, 25).stream()
                        .map(v -> points("news2", "respiration_rate", v))
                        .toList())
                .containsExactly(3, 1, 1, 0, 0, 2, 2, 3);
        assertThat(List.of(91, 92, 93, 94, 95, 96).stream()
                        .map(v -> points("news2", "spo2_scale_1", v))
                        .toList())
                .containsExactly(3, 2, 2, 1, 1, 0);
        assertThat(List.of(90, 91, 100, 101, 110, 111, 219, 220).stream()
                        .map(v -> points("news2", "systolic_bp", v))
                        .toList())
                .containsExactly(3, 2, 2, 1, 1, 0, 0, 3);
        assertThat(List.of(40, 41, 50, 51, 90, 91, 110, 111, 130, 131).stream()
                        .map(v -> points("news2", "pulse", v))
                        .toList())
                .containsExactly(3, 1, 1, 0, 0, 1, 1, 2, 2, 3);
        assertThat(List.of(35.0, 35.1, 36.0, 36.1, 38.0, 38.1, 39.0, 39.1).stream()
                        .map(v -> points("news2", "temperature", v))
                        .toList())
                .containsExactly(3, 1, 1, 0, 0, 1, 1, 2);
        assertThat(points("news2", "consciousness", 14)).isEqualTo(3);
        assertThat(points("news2", "consciousness", 15)).isZero();
        assertThat(RISK.bands("news2", "air_or_oxygen"))
                .singleElement()
                .extracting(ScoreBand::points)
                .isEqualTo(2);
        assertThat(RISK.threshold("news2", "single-parameter"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("3");
        assertThat(RISK.threshold("news2", "urgent"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("5");
        assertThat(RISK.threshold("news2", "emergency"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("7");
    }

    @Test
    void news2BandsCoverEveryValue() {
        for (String parameter : RISK.parameters("news2")) {
            if (RISK.bands("news2", parameter).get(0).analyte() == null) {
                continue;
            }
            for (double value = 0; value <= 300; value += 0.05) {
                assertThat(RISK.band("news2", parameter, value))
                        .as("%s %s", parameter, value)
                        .isPresent();
            }
        }
    }

    @Test
    void polypharmacyThresholdsAndEveryRowCited() {
        assertThat(RISK.threshold("polypharmacy", "age"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("65");
        assertThat(RISK.threshold("polypharmacy", "medications"))
                .get()
                .extracting(RiskThreshold::limit)
                .isEqualTo("10");
        RISK.all().forEach(band -> assertThat(band.citation().url()).startsWith("https://"));
        RISK.thresholds()
                .forEach(threshold -> assertThat(threshold.citation().url()).startsWith("https://"));
    }
}
