package org.vigil.service.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.vigil.service.support.Requests;
import org.vigil.service.support.VigilServerTest;

/**
 * A prescriber who overrides an interruptive alert is not interrupted again by the same alert for
 * the same patient and drugs within the override window; the card stays, as information.
 */
class OverrideSuppressionIT extends VigilServerTest {

    private static final String ORDER_SIGN = "/cds-services/order-sign-medication-safety";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOverriddenAlertIsShownAsInformationToTheSamePrescriberAndStillInterruptsAnother() throws IOException {
        String prescriber = "Practitioner/override-" + UUID.randomUUID();
        String colleague = "Practitioner/colleague-" + UUID.randomUUID();
        String request = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replace("Practitioner/demo-prescriber", prescriber);

        JsonNode first = call(request);
        JsonNode card = first.get("cards").get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("overrideReasons")).isNotEmpty();

        String feedback = """
                {"feedback": [{"card": "%s", "outcome": "overridden",
                  "overrideReason": {"reason": {"system": "urn:vigil:override-reason", "code": "will-monitor",
                                                "display": "Will monitor the patient or adjust the dose"}},
                  "outcomeTimestamp": "%s"}]}
                """.formatted(card.get("uuid").asText(), Instant.now());
        client.post()
                .uri(ORDER_SIGN + "/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(feedback)
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode again = call(request).get("cards").get(0);
        assertThat(again.get("indicator").asText()).isEqualTo("info");
        assertThat(again.get("summary").asText()).startsWith("Overridden before");
        assertThat(again.get("detail").asText()).contains("Will monitor the patient or adjust the dose");
        assertThat(again.has("overrideReasons") && !again.get("overrideReasons").isEmpty())
                .isFalse();
        assertThat(again.get("extension").get("org.vigil.ruleId").asText())
                .isEqualTo(card.get("extension").get("org.vigil.ruleId").asText());

        JsonNode forColleague =
                call(request.replace(prescriber, colleague)).get("cards").get(0);
        assertThat(forColleague.get("indicator").asText()).isEqualTo("critical");
    }

    private JsonNode call(String request) throws IOException {
        byte[] body = client.post()
                .uri(ORDER_SIGN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }
}
