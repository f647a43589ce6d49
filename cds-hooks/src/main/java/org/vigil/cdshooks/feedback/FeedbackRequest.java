package org.vigil.cdshooks.feedback;

import java.util.List;
import org.vigil.cdshooks.Elements;

/** The body POSTed to {@code {baseUrl}/cds-services/{id}/feedback}. */
public record FeedbackRequest(List<Feedback> feedback) {

    public FeedbackRequest {
        feedback = Elements.list(feedback, "feedback");
    }
}
