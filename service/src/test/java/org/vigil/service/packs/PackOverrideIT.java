package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.vigil.service.support.VigilServerTest;

/**
 * Rule pack cards go through the same override memory as Vigil's own: a clinician who overrides
 * the qSOFA pack card is not interrupted by it again for that patient within the window (the card
 * stays, as information), and is still interrupted for another patient.
 */
class PackOverrideIT extends VigilServerTest {

    private static final String QSOFA = "/cds-services/vigil-sepsis-qsofa";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOverriddenPackCardDoesNotInterruptAgainForThatPatientButDoesForAnother() throws IOException {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String patient = "qsofa-override-" + UUID.randomUUID();
        String otherPatient = "qsofa-other-" + UUID.randomUUID();

        JsonNode card = call(QsofaRequests.patientView(patient, anHourAgo, 26, 92, 13));
        assertThat(card.get("indicator").asText()).isEqualTo("warning");
        assertThat(card.get("overrideReasons")).isNotEmpty();
        assertThat(card.get("extension").get("org.vigil.check").asText()).isEqualTo("pack");
        assertThat(awaitAlertRow(card.get("uuid").asText()))
                .containsEntry("rule_id", "pack:vigil-sepsis-qsofa/qsofa")
                .containsEntry("check_name", "pack")
                .containsEntry("service_id", "vigil-sepsis-qsofa")
                .containsEntry("indicator", "warning");

        String feedback = """
                {"feedback": [{"card": "%s", "outcome": "overridden",
                  "overrideReason": {"reason": {"system": "urn:vigil:override-reason", "code": "not-applicable",
                                                "display": "Alert does not apply to this patient"}},
                  "outcomeTimestamp": "%s"}]}
                """.formatted(card.get("uuid").asText(), Instant.now());
        client.post()
                .uri(QSOFA + "/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(feedback)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stored")
                .isEqualTo(1);

        JsonNode again = call(QsofaRequests.patientView(patient, anHourAgo, 26, 92, 13));
        assertThat(again.get("indicator").asText()).isEqualTo("info");
        assertThat(again.get("summary").asText()).startsWith("Overridden before");
        assertThat(again.get("detail").asText())
                .contains("Alert does not apply to this patient", "for this patient on")
                .doesNotContain("these drugs");
        assertThat(again.has("overrideReasons") && !again.get("overrideReasons").isEmpty())
                .isFalse();
        assertThat(again.get("extension").get("org.vigil.ruleId").asText()).isEqualTo("pack:vigil-sepsis-qsofa/qsofa");

        JsonNode other = call(QsofaRequests.patientView(otherPatient, anHourAgo, 26, 92, 13));
        assertThat(other.get("indicator").asText()).isEqualTo("warning");
        assertThat(other.get("overrideReasons")).isNotEmpty();
    }

    /** The one card of a call. */
    private JsonNode call(String request) throws IOException {
        byte[] body = client.post()
                .uri(QSOFA)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode cards = JSON.readTree(body).get("cards");
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }

    private Map<String, Object> awaitAlertRow(String cardUuid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = database.sql(
                            "SELECT rule_id, indicator, service_id, check_name FROM alert_log"
                                    + " WHERE card_uuid = CAST(:uuid AS uuid)")
                    .bind("uuid", cardUuid)
                    .fetch()
                    .all()
                    .collectList()
                    .block();
            if (rows != null && !rows.isEmpty()) {
                return rows.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no alert_log row for card " + cardUuid);
    }
}
