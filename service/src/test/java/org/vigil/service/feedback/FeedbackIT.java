package org.vigil.service.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.vigil.service.support.VigilServerTest;

/** Feedback on cards is validated, stored durably before it is acknowledged, and stored once. */
class FeedbackIT extends VigilServerTest {

    private static final String FEEDBACK = "/cds-services/order-sign-medication-safety/feedback";

    @Test
    void overriddenFeedbackWithAReasonIsStoredOnceHoweverOftenItIsSent() {
        String card = UUID.randomUUID().toString();
        String body = """
                {"feedback": [{"card": "%s", "outcome": "overridden",
                  "overrideReason": {"reason": {"system": "urn:vigil:override-reason", "code": "will-monitor",
                                                "display": "Will monitor the patient or adjust the dose"},
                                     "userComment": "Short course, CK checked"},
                  "outcomeTimestamp": "2026-11-20T10:05:31Z"}]}
                """.formatted(card);

        post(body).expectStatus().isOk().expectBody().json("{\"received\": 1, \"stored\": 1, \"alreadyStored\": 0}");
        post(body).expectStatus().isOk().expectBody().json("{\"received\": 1, \"stored\": 0, \"alreadyStored\": 1}");

        List<Map<String, Object>> rows = rows(card);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0))
                .containsEntry("outcome", "overridden")
                .containsEntry("override_code", "will-monitor")
                .containsEntry("user_comment", "Short course, CK checked")
                .containsEntry("service_id", "order-sign-medication-safety");
    }

    @Test
    void acceptedSuggestionsAreKeptAndALaterOutcomeForTheSameCardIsANewEvent() {
        String card = UUID.randomUUID().toString();
        String accepted = """
                {"feedback": [{"card": "%s", "outcome": "accepted",
                  "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}],
                  "outcomeTimestamp": "2026-11-20T10:05:31Z"}]}
                """.formatted(card);
        String laterOverride = """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-20T10:07:00Z"}]}
                """.formatted(card);

        post(accepted).expectStatus().isOk();
        post(laterOverride).expectStatus().isOk();

        List<Map<String, Object>> rows = rows(card);
        assertThat(rows).extracting(row -> row.get("outcome")).containsExactlyInAnyOrder("accepted", "overridden");
        assertThat(rows)
                .filteredOn(row -> "accepted".equals(row.get("outcome")))
                .singleElement()
                .satisfies(row -> assertThat((String[]) row.get("accepted_suggestions"))
                        .containsExactly("e56e1945-20b3-4393-8503-a1a20fd73152"));
    }

    @Test
    void anInvalidEntryIsRefusedWholeNamingItsIndexAndNothingIsStored() {
        String card = UUID.randomUUID().toString();
        String body = """
                {"feedback": [
                  {"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-20T10:05:31Z"},
                  {"card": "%s", "outcome": "ignored", "outcomeTimestamp": "2026-11-20T10:05:31Z"}]}
                """.formatted(card, card);

        post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .value(String.class, field -> assertThat(field).contains("feedback[1]"));
        assertThat(rows(card)).isEmpty();
    }

    @Test
    void acceptedWithoutSuggestionsIsRefused() {
        post("""
                        {"feedback": [{"card": "c1", "outcome": "accepted", "outcomeTimestamp": "2026-11-20T10:05:31Z"}]}
                        """).expectStatus().isBadRequest();
    }

    @Test
    void feedbackForAnUnknownServiceIs404() {
        client.post()
                .uri("/cds-services/nope/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"feedback\": []}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String body) {
        return client.post()
                .uri(FEEDBACK)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private List<Map<String, Object>> rows(String card) {
        return database.sql("SELECT * FROM card_feedback WHERE card_uuid = :card")
                .bind("card", card)
                .fetch()
                .all()
                .collectList()
                .block(Duration.ofSeconds(5));
    }
}
