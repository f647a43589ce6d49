package org.vigil.cdshooks.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cdshooks.Fixtures.CODEC;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.Coding;

class FeedbackTest {

    private static final Instant AT = Instant.parse("2024-03-01T08:30:00Z");

    @Test
    void acceptedNeedsSuggestions() {
        assertThatThrownBy(() -> Feedback.accepted("c1", List.of(), AT))
                .hasMessage("acceptedSuggestions: is required when the outcome is accepted");
        assertThat(Feedback.accepted("c1", List.of(new AcceptedSuggestion("s1")), AT)
                        .acceptedSuggestions())
                .hasSize(1);
    }

    @Test
    void cardOutcomeAndTimestampAreRequired() {
        assertThatThrownBy(() -> Feedback.overridden(null, null, AT)).hasMessage("card: is required");
        assertThatThrownBy(() -> new Feedback("c1", null, null, null, AT)).hasMessage("outcome: is required");
        assertThatThrownBy(() -> Feedback.overridden("c1", null, null)).hasMessage("outcomeTimestamp: is required");
    }

    @Test
    void overrideReasonNeedsAReasonOrAComment() {
        assertThatThrownBy(() -> new OverrideReason(null, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OverrideReason(null, "Patient declined").userComment()).isEqualTo("Patient declined");
    }

    @Test
    void offsetTimestampsAreReadAsTheSameInstant() {
        FeedbackRequest request = CODEC.decodeFeedback(
                org.vigil.cdshooks.Fixtures.json(
                        "{'feedback': [{'card': 'c1', 'outcome': 'overridden', 'outcomeTimestamp': '2024-03-01T09:30:00+01:00'}]}"));

        assertThat(request.feedback().get(0).outcomeTimestamp()).isEqualTo(AT);
    }

    @Test
    void encodesWhatItBuilt() {
        FeedbackRequest request = new FeedbackRequest(List.of(Feedback.overridden(
                "c1", new OverrideReason(new Coding("http://example.org/r", "dup", "Duplicate alert"), null), AT)));

        FeedbackRequest decoded = CODEC.decodeFeedback(CODEC.encodeFeedback(request));

        assertThat(decoded).isEqualTo(request);
    }
}
