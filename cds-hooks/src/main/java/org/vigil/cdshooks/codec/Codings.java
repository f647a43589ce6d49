package org.vigil.cdshooks.codec;

import static org.vigil.cdshooks.codec.Json.build;
import static org.vigil.cdshooks.codec.Json.optionalString;
import static org.vigil.cdshooks.codec.Json.requiredString;
import static org.vigil.cdshooks.codec.Json.writeString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.vigil.cdshooks.Coding;

/** The CDS Hooks Coding, shared by cards (topic, override reasons) and feedback. */
final class Codings {

    private Codings() {}

    static Coding decode(ObjectNode node, String path) {
        String system = requiredString(node, "system", path);
        String code = requiredString(node, "code", path);
        String display = optionalString(node, "display", path);
        return build(path, () -> new Coding(system, code, display));
    }

    static void encode(Coding coding, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("system", coding.system());
        out.writeStringField("code", coding.code());
        writeString(out, "display", coding.display());
        out.writeEndObject();
    }
}
