package org.vigil.cdshooks.feedback;

import static org.vigil.cdshooks.Elements.requireText;

/** Identifies an accepted suggestion by the {@code uuid} the service gave it. */
public record AcceptedSuggestion(String id) {

    public AcceptedSuggestion {
        requireText(id, "id");
    }
}
