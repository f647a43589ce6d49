package org.vigil.cdshooks.codec;

import static org.vigil.cdshooks.codec.Json.build;
import static org.vigil.cdshooks.codec.Json.get;
import static org.vigil.cdshooks.codec.Json.objects;
import static org.vigil.cdshooks.codec.Json.optionalBoolean;
import static org.vigil.cdshooks.codec.Json.optionalEnum;
import static org.vigil.cdshooks.codec.Json.optionalJsonObject;
import static org.vigil.cdshooks.codec.Json.optionalObject;
import static org.vigil.cdshooks.codec.Json.optionalString;
import static org.vigil.cdshooks.codec.Json.path;
import static org.vigil.cdshooks.codec.Json.requiredArray;
import static org.vigil.cdshooks.codec.Json.requiredEnum;
import static org.vigil.cdshooks.codec.Json.requiredObject;
import static org.vigil.cdshooks.codec.Json.requiredString;
import static org.vigil.cdshooks.codec.Json.writeBoolean;
import static org.vigil.cdshooks.codec.Json.writeJsonObject;
import static org.vigil.cdshooks.codec.Json.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Link;
import org.vigil.cdshooks.response.LinkType;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Source;
import org.vigil.cdshooks.response.Suggestion;

/** Cards and system actions. */
final class ResponseCodec {

    private final FhirJson fhir;

    ResponseCodec(FhirJson fhir) {
        this.fhir = fhir;
    }

    // ---- decoding ----

    CdsResponse decode(ObjectNode root) {
        List<Card> cards = objects(requiredArray(root, "cards", ""), "cards", this::decodeCard);
        List<Action> systemActions = objects(root, "systemActions", "", this::decodeAction);
        return build("", () -> new CdsResponse(cards, systemActions));
    }

    private Card decodeCard(ObjectNode node, String path) {
        String uuid = optionalString(node, "uuid", path);
        String summary = requiredString(node, "summary", path);
        String detail = optionalString(node, "detail", path);
        Indicator indicator = requiredEnum(node, "indicator", path, Indicator::fromValue, "info, warning, critical");
        Source source = decodeSource(requiredObject(node, "source", path), path(path, "source"));
        List<Suggestion> suggestions = objects(node, "suggestions", path, this::decodeSuggestion);
        SelectionBehavior selectionBehavior =
                optionalEnum(node, "selectionBehavior", path, SelectionBehavior::fromValue, "at-most-one, any");
        List<Coding> overrideReasons = objects(node, "overrideReasons", path, Codings::decode);
        List<Link> links = objects(node, "links", path, ResponseCodec::decodeLink);
        Map<String, Object> extension = optionalJsonObject(node, "extension", path);
        return build(
                path,
                () -> new Card(
                        uuid,
                        summary,
                        detail,
                        indicator,
                        source,
                        suggestions,
                        selectionBehavior,
                        overrideReasons,
                        links,
                        extension));
    }

    private static Source decodeSource(ObjectNode node, String path) {
        String label = requiredString(node, "label", path);
        String url = optionalString(node, "url", path);
        String icon = optionalString(node, "icon", path);
        ObjectNode topicNode = optionalObject(node, "topic", path);
        Coding topic = topicNode == null ? null : Codings.decode(topicNode, path(path, "topic"));
        return build(path, () -> new Source(label, url, icon, topic));
    }

    private Suggestion decodeSuggestion(ObjectNode node, String path) {
        String label = requiredString(node, "label", path);
        String uuid = optionalString(node, "uuid", path);
        Boolean isRecommended = optionalBoolean(node, "isRecommended", path);
        List<Action> actions = objects(node, "actions", path, this::decodeAction);
        return build(path, () -> new Suggestion(label, uuid, isRecommended, actions));
    }

    private Action decodeAction(ObjectNode node, String path) {
        ActionType type = requiredEnum(node, "type", path, ActionType::fromValue, "create, update, delete");
        String description = requiredString(node, "description", path);
        String resourceId = optionalString(node, "resourceId", path);
        IBaseResource resource = null;
        JsonNode resourceNode = get(node, "resource");
        String resourcePath = path(path, "resource");
        if (resourceNode != null) {
            if (resourceNode.isObject()) {
                resource = fhir.parse((ObjectNode) resourceNode, resourcePath);
            } else if (resourceNode.isTextual() && type == ActionType.DELETE && resourceId == null) {
                // Deprecated form: an id string in "resource" for deletes; resourceId replaces it.
                resourceId = resourceNode.textValue();
            } else {
                throw Json.wrongType(resourcePath, "a FHIR resource", resourceNode);
            }
        }
        IBaseResource finalResource = resource;
        String finalResourceId = resourceId;
        return build(path, () -> new Action(type, description, finalResource, finalResourceId));
    }

    private static Link decodeLink(ObjectNode node, String path) {
        String label = requiredString(node, "label", path);
        String url = requiredString(node, "url", path);
        LinkType type = requiredEnum(node, "type", path, LinkType::fromValue, "absolute, smart");
        String appContext = optionalString(node, "appContext", path);
        Boolean autolaunchable = optionalBoolean(node, "autolaunchable", path);
        return build(path, () -> new Link(label, url, type, appContext, autolaunchable));
    }

    // ---- encoding ----

    void encode(CdsResponse response, JsonGenerator out) throws IOException {
        out.writeStartObject();
        // The one array written even when empty: {"cards": []} is how the spec says "no guidance".
        out.writeArrayFieldStart("cards");
        for (int i = 0; i < response.cards().size(); i++) {
            encodeCard(response.cards().get(i), out, Json.index("cards", i));
        }
        out.writeEndArray();
        encodeActions(out, "systemActions", response.systemActions(), "systemActions");
        out.writeEndObject();
    }

    private void encodeCard(Card card, JsonGenerator out, String path) throws IOException {
        out.writeStartObject();
        writeString(out, "uuid", card.uuid());
        out.writeStringField("summary", card.summary());
        writeString(out, "detail", card.detail());
        out.writeStringField("indicator", card.indicator().value());
        out.writeFieldName("source");
        encodeSource(card.source(), out);
        if (!card.suggestions().isEmpty()) {
            out.writeArrayFieldStart("suggestions");
            for (int i = 0; i < card.suggestions().size(); i++) {
                encodeSuggestion(card.suggestions().get(i), out, Json.index(path(path, "suggestions"), i));
            }
            out.writeEndArray();
        }
        if (card.selectionBehavior() != null) {
            out.writeStringField("selectionBehavior", card.selectionBehavior().value());
        }
        if (!card.overrideReasons().isEmpty()) {
            out.writeArrayFieldStart("overrideReasons");
            for (Coding reason : card.overrideReasons()) {
                Codings.encode(reason, out);
            }
            out.writeEndArray();
        }
        if (!card.links().isEmpty()) {
            out.writeArrayFieldStart("links");
            for (Link link : card.links()) {
                encodeLink(link, out);
            }
            out.writeEndArray();
        }
        writeJsonObject(out, "extension", card.extension());
        out.writeEndObject();
    }

    private static void encodeSource(Source source, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("label", source.label());
        writeString(out, "url", source.url());
        writeString(out, "icon", source.icon());
        if (source.topic() != null) {
            out.writeFieldName("topic");
            Codings.encode(source.topic(), out);
        }
        out.writeEndObject();
    }

    private void encodeSuggestion(Suggestion suggestion, JsonGenerator out, String path) throws IOException {
        out.writeStartObject();
        out.writeStringField("label", suggestion.label());
        writeString(out, "uuid", suggestion.uuid());
        writeBoolean(out, "isRecommended", suggestion.isRecommended());
        encodeActions(out, "actions", suggestion.actions(), path(path, "actions"));
        out.writeEndObject();
    }

    private void encodeActions(JsonGenerator out, String name, List<Action> actions, String path) throws IOException {
        if (actions.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart(name);
        for (int i = 0; i < actions.size(); i++) {
            encodeAction(actions.get(i), out, Json.index(path, i));
        }
        out.writeEndArray();
    }

    private void encodeAction(Action action, JsonGenerator out, String path) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", action.type().value());
        out.writeStringField("description", action.description());
        if (action.resource() != null) {
            out.writeFieldName("resource");
            fhir.write(action.resource(), out, path(path, "resource"), ErrorCode.INVALID_RESPONSE);
        }
        writeString(out, "resourceId", action.resourceId());
        out.writeEndObject();
    }

    private static void encodeLink(Link link, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("label", link.label());
        out.writeStringField("url", link.url());
        out.writeStringField("type", link.type().value());
        writeString(out, "appContext", link.appContext());
        writeBoolean(out, "autolaunchable", link.autolaunchable());
        out.writeEndObject();
    }
}
