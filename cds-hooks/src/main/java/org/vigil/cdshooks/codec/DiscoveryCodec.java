package org.vigil.cdshooks.codec;

import static org.vigil.cdshooks.codec.Json.build;
import static org.vigil.cdshooks.codec.Json.objects;
import static org.vigil.cdshooks.codec.Json.optionalJsonObject;
import static org.vigil.cdshooks.codec.Json.optionalObject;
import static org.vigil.cdshooks.codec.Json.optionalString;
import static org.vigil.cdshooks.codec.Json.path;
import static org.vigil.cdshooks.codec.Json.requiredArray;
import static org.vigil.cdshooks.codec.Json.requiredString;
import static org.vigil.cdshooks.codec.Json.writeJsonObject;
import static org.vigil.cdshooks.codec.Json.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cdshooks.discovery.CdsService;
import org.vigil.cdshooks.discovery.Discovery;

/** The discovery document listing the services and their prefetch templates. */
final class DiscoveryCodec {

    private DiscoveryCodec() {}

    static Discovery decode(ObjectNode root) {
        List<CdsService> services =
                objects(requiredArray(root, "services", ""), "services", DiscoveryCodec::decodeService);
        return build("", () -> new Discovery(services));
    }

    private static CdsService decodeService(ObjectNode node, String path) {
        String hook = requiredString(node, "hook", path);
        String title = optionalString(node, "title", path);
        String description = requiredString(node, "description", path);
        String id = requiredString(node, "id", path);
        Map<String, String> prefetch = decodePrefetch(node, path);
        String usageRequirements = optionalString(node, "usageRequirements", path);
        Map<String, Object> extension = optionalJsonObject(node, "extension", path);
        return build(path, () -> new CdsService(hook, title, description, id, prefetch, usageRequirements, extension));
    }

    private static Map<String, String> decodePrefetch(ObjectNode service, String servicePath) {
        ObjectNode node = optionalObject(service, "prefetch", servicePath);
        if (node == null) {
            return Map.of();
        }
        String path = path(servicePath, "prefetch");
        Map<String, String> templates = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!member.getValue().isTextual()) {
                throw Json.wrongType(path(path, member.getKey()), "a string", member.getValue());
            }
            templates.put(member.getKey(), member.getValue().textValue());
        }
        return templates;
    }

    static void encode(Discovery discovery, JsonGenerator out) throws IOException {
        out.writeStartObject();
        // Written even when empty: a server with no services answers {"services": []}.
        out.writeArrayFieldStart("services");
        for (CdsService service : discovery.services()) {
            out.writeStartObject();
            out.writeStringField("hook", service.hook());
            writeString(out, "title", service.title());
            out.writeStringField("description", service.description());
            out.writeStringField("id", service.id());
            if (!service.prefetch().isEmpty()) {
                out.writeObjectFieldStart("prefetch");
                for (Map.Entry<String, String> template : service.prefetch().entrySet()) {
                    out.writeStringField(template.getKey(), template.getValue());
                }
                out.writeEndObject();
            }
            writeString(out, "usageRequirements", service.usageRequirements());
            writeJsonObject(out, "extension", service.extension());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
