package org.vigil.cdshooks.feedback;

import static org.vigil.cdshooks.Elements.list;
import static org.vigil.cdshooks.Elements.requirePresent;
import static org.vigil.cdshooks.Elements.requireText;

import java.time.Instant;
import java.util.List;
import org.vigil.cdshooks.InvalidElementException;

/** What the user did with one card: accepted some of its suggestions or overrode it. */
public record Feedback(
        String card,
        Outcome outcome,
        List<AcceptedSuggestion> acceptedSuggestions,
        OverrideReason overrideReason,
        Instant outcomeTimestamp) {

    public Feedback {
        requireText(card, "card");
        requirePresent(outcome, "outcome");
        acceptedSuggestions = list(acceptedSuggestions, "acceptedSuggestions");
        if (outcome == Outcome.ACCEPTED && acceptedSuggestions.isEmpty()) {
            throw new InvalidElementException("acceptedSuggestions", "is required when the outcome is accepted");
        }
        requirePresent(outcomeTimestamp, "outcomeTimestamp");
    }

    public static Feedback accepted(String card, List<AcceptedSuggestion> suggestions, Instant at) {
        return new Feedback(card, Outcome.ACCEPTED, suggestions, null, at);
    }

    public static Feedback overridden(String card, OverrideReason reasonOrNull, Instant at) {
        return new Feedback(card, Outcome.OVERRIDDEN, null, reasonOrNull, at);
    }
}
