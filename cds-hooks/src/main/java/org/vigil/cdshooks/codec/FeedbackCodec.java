package org.vigil.cdshooks.codec;

import static org.vigil.cdshooks.codec.Json.build;
import static org.vigil.cdshooks.codec.Json.objects;
import static org.vigil.cdshooks.codec.Json.optionalObject;
import static org.vigil.cdshooks.codec.Json.optionalString;
import static org.vigil.cdshooks.codec.Json.path;
import static org.vigil.cdshooks.codec.Json.requiredArray;
import static org.vigil.cdshooks.codec.Json.requiredEnum;
import static org.vigil.cdshooks.codec.Json.requiredString;
import static org.vigil.cdshooks.codec.Json.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.feedback.AcceptedSuggestion;
import org.vigil.cdshooks.feedback.Feedback;
import org.vigil.cdshooks.feedback.FeedbackRequest;
import org.vigil.cdshooks.feedback.Outcome;
import org.vigil.cdshooks.feedback.OverrideReason;

/** What clinicians did with our cards. */
final class FeedbackCodec {

    private FeedbackCodec() {}

    static FeedbackRequest decode(ObjectNode root) {
        List<Feedback> feedback =
                objects(requiredArray(root, "feedback", ""), "feedback", FeedbackCodec::decodeFeedback);
        return build("", () -> new FeedbackRequest(feedback));
    }

    private static Feedback decodeFeedback(ObjectNode node, String path) {
        String card = requiredString(node, "card", path);
        Outcome outcome = requiredEnum(node, "outcome", path, Outcome::fromValue, "accepted, overridden");
        List<AcceptedSuggestion> accepted = objects(node, "acceptedSuggestions", path, FeedbackCodec::decodeAccepted);
        ObjectNode reasonNode = optionalObject(node, "overrideReason", path);
        OverrideReason overrideReason =
                reasonNode == null ? null : decodeOverrideReason(reasonNode, path(path, "overrideReason"));
        Instant outcomeTimestamp =
                timestamp(requiredString(node, "outcomeTimestamp", path), path(path, "outcomeTimestamp"));
        return build(path, () -> new Feedback(card, outcome, accepted, overrideReason, outcomeTimestamp));
    }

    private static AcceptedSuggestion decodeAccepted(ObjectNode node, String path) {
        String id = requiredString(node, "id", path);
        return build(path, () -> new AcceptedSuggestion(id));
    }

    private static OverrideReason decodeOverrideReason(ObjectNode node, String path) {
        ObjectNode reasonNode = optionalObject(node, "reason", path);
        Coding reason = reasonNode == null ? null : Codings.decode(reasonNode, path(path, "reason"));
        String userComment = optionalString(node, "userComment", path);
        return build(path, () -> new OverrideReason(reason, userComment));
    }

    /** RFC 3339 date-time; the spec asks for UTC but an explicit offset is unambiguous too. */
    private static Instant timestamp(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Json.invalid(path, "must be an RFC 3339 date-time such as 2021-12-11T10:05:31Z");
        }
    }

    static void encode(FeedbackRequest request, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("feedback");
        for (Feedback feedback : request.feedback()) {
            out.writeStartObject();
            out.writeStringField("card", feedback.card());
            out.writeStringField("outcome", feedback.outcome().value());
            if (!feedback.acceptedSuggestions().isEmpty()) {
                out.writeArrayFieldStart("acceptedSuggestions");
                for (AcceptedSuggestion accepted : feedback.acceptedSuggestions()) {
                    out.writeStartObject();
                    out.writeStringField("id", accepted.id());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            OverrideReason reason = feedback.overrideReason();
            if (reason != null) {
                out.writeObjectFieldStart("overrideReason");
                if (reason.reason() != null) {
                    out.writeFieldName("reason");
                    Codings.encode(reason.reason(), out);
                }
                writeString(out, "userComment", reason.userComment());
                out.writeEndObject();
            }
            out.writeStringField("outcomeTimestamp", feedback.outcomeTimestamp().toString());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
