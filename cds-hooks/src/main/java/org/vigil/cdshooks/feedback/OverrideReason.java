package org.vigil.cdshooks.feedback;

import static org.vigil.cdshooks.Elements.optionalText;

import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.InvalidElementException;

/**
 * Why the user overrode a card: a reason picked from the card's list, a free-text comment, or both.
 * The comment is clinician free text and may name the patient; treat it as patient data.
 */
public record OverrideReason(Coding reason, String userComment) {

    public OverrideReason {
        userComment = optionalText(userComment);
        // The spec forbids empty objects; an override without any reason is sent without this element.
        if (reason == null && userComment == null) {
            throw new InvalidElementException("reason", "is required when there is no userComment");
        }
    }

    @Override
    public String toString() {
        return "OverrideReason[reason=" + reason + ", userComment=" + (userComment == null ? null : "<redacted>") + "]";
    }
}
