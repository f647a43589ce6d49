package org.vigil.cdshooks.codec;

import static org.vigil.cdshooks.codec.Json.build;
import static org.vigil.cdshooks.codec.Json.optionalJsonObject;
import static org.vigil.cdshooks.codec.Json.optionalObject;
import static org.vigil.cdshooks.codec.Json.optionalString;
import static org.vigil.cdshooks.codec.Json.path;
import static org.vigil.cdshooks.codec.Json.requiredLong;
import static org.vigil.cdshooks.codec.Json.requiredObject;
import static org.vigil.cdshooks.codec.Json.requiredString;
import static org.vigil.cdshooks.codec.Json.writeJsonObject;
import static org.vigil.cdshooks.codec.Json.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.hook.Hooks;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.FhirAuthorization;
import org.vigil.cdshooks.request.HookContext;
import org.vigil.cdshooks.request.Prefetch;

/** The service call body: hook, context, prefetch and the client's FHIR access. */
final class RequestCodec {

    private static final String CONTEXT = "context";
    private static final String PREFETCH = "prefetch";
    private static final String AUTHORIZATION = "fhirAuthorization";

    private final FhirJson fhir;

    RequestCodec(FhirJson fhir) {
        this.fhir = fhir;
    }

    CdsRequest decode(ObjectNode root) {
        String hook = requiredString(root, "hook", "");
        String hookInstance = requiredString(root, "hookInstance", "");
        String fhirServer = optionalString(root, "fhirServer", "");
        ObjectNode authorizationNode = optionalObject(root, AUTHORIZATION, "");
        FhirAuthorization authorization = authorizationNode == null ? null : decodeAuthorization(authorizationNode);
        ObjectNode contextNode = requiredObject(root, CONTEXT, "");
        HookDefinition definition = Hooks.find(hook).orElse(null);
        HookContext context = decodeContext(contextNode, definition);
        // Hooks this module does not know pass through unchecked; the service decides whether it serves them.
        if (definition != null) {
            definition.validate(context);
        }
        ObjectNode prefetchNode = optionalObject(root, PREFETCH, "");
        Prefetch prefetch = prefetchNode == null ? Prefetch.empty() : decodePrefetch(prefetchNode);
        Map<String, Object> extension = optionalJsonObject(root, "extension", "");
        return build(
                "", () -> new CdsRequest(hook, hookInstance, fhirServer, authorization, context, prefetch, extension));
    }

    private static FhirAuthorization decodeAuthorization(ObjectNode node) {
        String accessToken = requiredString(node, "access_token", AUTHORIZATION);
        String tokenType = requiredString(node, "token_type", AUTHORIZATION);
        Long expiresIn = requiredLong(node, "expires_in", AUTHORIZATION);
        String scope = requiredString(node, "scope", AUTHORIZATION);
        String subject = requiredString(node, "subject", AUTHORIZATION);
        String patient = optionalString(node, "patient", AUTHORIZATION);
        return build(
                AUTHORIZATION, () -> new FhirAuthorization(accessToken, tokenType, expiresIn, scope, subject, patient));
    }

    private HookContext decodeContext(ObjectNode node, HookDefinition definition) {
        HookContext.Builder context = HookContext.builder();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            String path = path(CONTEXT, name);
            switch (value.getNodeType()) {
                case STRING -> context.string(name, value.textValue());
                case NUMBER -> context.number(name, value.asText());
                case BOOLEAN -> context.bool(name, value.booleanValue());
                case OBJECT -> {
                    if (FhirJson.looksLikeResource(value)) {
                        context.resource(name, fhir.parse((ObjectNode) value, path));
                    } else {
                        context.other(name, Json.toJavaObject((ObjectNode) value));
                    }
                }
                case ARRAY -> decodeArray(context, name, (ArrayNode) value, definition, path);
                default -> {
                    // JSON null: the spec forbids it; reading it as absent is kinder than failing the call.
                }
            }
        }
        return context.build();
    }

    private void decodeArray(
            HookContext.Builder context, String name, ArrayNode array, HookDefinition definition, String path) {
        if (definition != null && definition.acceptsResourceArray(name) && allResources(array)) {
            List<ObjectNode> resources = new ArrayList<>(array.size());
            array.forEach(element -> resources.add((ObjectNode) element));
            context.resource(name, fhir.collection(resources, path));
            return;
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                context.other(name, Json.toJavaArray(array));
                return;
            }
            strings.add(element.textValue());
        }
        context.strings(name, strings);
    }

    private static boolean allResources(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode element : array) {
            if (!FhirJson.looksLikeResource(element)) {
                return false;
            }
        }
        return true;
    }

    private Prefetch decodePrefetch(ObjectNode node) {
        Map<String, IBaseResource> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            String path = path(PREFETCH, key);
            if (value.isNull()) {
                entries.put(key, null);
            } else if (value.isObject()) {
                entries.put(key, fhir.parse((ObjectNode) value, path));
            } else {
                throw Json.wrongType(path, "a FHIR resource or null", value);
            }
        }
        return Prefetch.of(entries);
    }

    void encode(CdsRequest request, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("hook", request.hook());
        out.writeStringField("hookInstance", request.hookInstance());
        writeString(out, "fhirServer", request.fhirServer());
        if (request.fhirAuthorization() != null) {
            FhirAuthorization authorization = request.fhirAuthorization();
            out.writeObjectFieldStart(AUTHORIZATION);
            out.writeStringField("access_token", authorization.accessToken());
            out.writeStringField("token_type", authorization.tokenType());
            out.writeNumberField("expires_in", authorization.expiresIn());
            out.writeStringField("scope", authorization.scope());
            out.writeStringField("subject", authorization.subject());
            writeString(out, "patient", authorization.patient());
            out.writeEndObject();
        }
        encodeContext(request.context(), out);
        encodePrefetch(request.prefetch(), out);
        writeJsonObject(out, "extension", request.extension());
        out.writeEndObject();
    }

    private void encodeContext(HookContext context, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart(CONTEXT);
        for (String name : context.fields()) {
            HookContext.Kind kind = context.kind(name).orElseThrow();
            out.writeFieldName(name);
            switch (kind) {
                case STRING -> out.writeString(context.string(name).orElseThrow());
                // Kept as JSON number text since decoding, so precision survives the round trip.
                case NUMBER -> out.writeNumber(context.string(name).orElseThrow());
                case BOOLEAN ->
                    out.writeBoolean(Boolean.parseBoolean(context.string(name).orElseThrow()));
                case RESOURCE ->
                    fhir.write(context.resource(name).orElseThrow(), out, path(CONTEXT, name), ErrorCode.INVALID_FHIR);
                case STRING_ARRAY -> {
                    out.writeStartArray();
                    for (String value : context.strings(name)) {
                        out.writeString(value);
                    }
                    out.writeEndArray();
                }
                case OBJECT, ARRAY -> Json.writeJava(out, context.other(name).orElseThrow());
            }
        }
        out.writeEndObject();
    }

    private void encodePrefetch(Prefetch prefetch, JsonGenerator out) throws IOException {
        if (prefetch.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart(PREFETCH);
        for (String key : prefetch.keys()) {
            out.writeFieldName(key);
            IBaseResource resource = prefetch.resource(key).orElse(null);
            if (resource == null) {
                // The one null the spec asks for: "looked, found nothing".
                out.writeNull();
            } else {
                fhir.write(resource, out, path(PREFETCH, key), ErrorCode.INVALID_FHIR);
            }
        }
        out.writeEndObject();
    }
}
