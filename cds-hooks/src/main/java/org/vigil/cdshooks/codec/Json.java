package org.vigil.cdshooks.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.cdshooks.Elements;
import org.vigil.cdshooks.InvalidElementException;

/**
 * Reading and writing helpers over Jackson trees and generators. Every error names the element by
 * its path in the document and describes JSON types only, never values.
 */
final class Json {

    private Json() {}

    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                // FHIR decimals keep their precision ("1.50" stays "1.50"), as HAPI's own reader does.
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // A repeated key would let two readers see two different documents.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Parser error messages must not quote the document.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }

    static ObjectNode readObject(ObjectMapper mapper, byte[] json, String document) {
        if (json == null || json.length == 0) {
            throw new CdsHooksException(ErrorCode.MALFORMED_JSON, document + " body is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token, which may be patient data.
            throw new CdsHooksException(
                    ErrorCode.MALFORMED_JSON,
                    null,
                    document + " body is not valid JSON" + where(e.getLocation()),
                    null);
        } catch (IOException e) {
            throw new CdsHooksException(ErrorCode.MALFORMED_JSON, null, document + " body could not be read", null);
        }
        if (root == null || root.isMissingNode()) {
            throw new CdsHooksException(ErrorCode.MALFORMED_JSON, document + " body is empty");
        }
        if (!root.isObject()) {
            throw new CdsHooksException(
                    ErrorCode.INVALID_FIELD, null, document + " body must be a JSON object (was " + type(root) + ")");
        }
        return (ObjectNode) root;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    static CdsHooksException missing(String path) {
        return new CdsHooksException(ErrorCode.MISSING_FIELD, path, path + ": is required");
    }

    static CdsHooksException invalid(String path, String rule) {
        return new CdsHooksException(ErrorCode.INVALID_FIELD, path, path + ": " + rule);
    }

    static CdsHooksException wrongType(String path, String expected, JsonNode actual) {
        return invalid(path, "must be " + expected + " (was " + type(actual) + ")");
    }

    static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    /** The member, or null when absent or JSON null (the spec forbids null; we read it as absent). */
    static JsonNode get(ObjectNode object, String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }

    static String requiredString(ObjectNode object, String name, String parent) {
        String value = optionalString(object, name, parent);
        if (value == null) {
            throw missing(path(parent, name));
        }
        return value;
    }

    static String optionalString(ObjectNode object, String name, String parent) {
        JsonNode node = get(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path(parent, name), "a string", node);
        }
        return node.textValue();
    }

    static Boolean optionalBoolean(ObjectNode object, String name, String parent) {
        JsonNode node = get(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(path(parent, name), "a boolean", node);
        }
        return node.booleanValue();
    }

    static Long requiredLong(ObjectNode object, String name, String parent) {
        JsonNode node = get(object, name);
        if (node == null) {
            throw missing(path(parent, name));
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(path(parent, name), "an integer", node);
        }
        return node.longValue();
    }

    static ObjectNode requiredObject(ObjectNode object, String name, String parent) {
        ObjectNode value = optionalObject(object, name, parent);
        if (value == null) {
            throw missing(path(parent, name));
        }
        return value;
    }

    static ObjectNode optionalObject(ObjectNode object, String name, String parent) {
        JsonNode node = get(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(path(parent, name), "an object", node);
        }
        return (ObjectNode) node;
    }

    static ArrayNode requiredArray(ObjectNode object, String name, String parent) {
        ArrayNode value = optionalArray(object, name, parent);
        if (value == null) {
            throw missing(path(parent, name));
        }
        return value;
    }

    static ArrayNode optionalArray(ObjectNode object, String name, String parent) {
        JsonNode node = get(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(path(parent, name), "an array", node);
        }
        return (ArrayNode) node;
    }

    /** Decodes each element of an optional array of objects; an absent array gives an empty list. */
    static <T> List<T> objects(ObjectNode object, String name, String parent, ElementDecoder<T> decoder) {
        ArrayNode array = optionalArray(object, name, parent);
        return array == null ? List.of() : objects(array, path(parent, name), decoder);
    }

    static <T> List<T> objects(ArrayNode array, String arrayPath, ElementDecoder<T> decoder) {
        List<T> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String elementPath = index(arrayPath, i);
            if (!element.isObject()) {
                throw wrongType(elementPath, "an object", element);
            }
            values.add(decoder.decode((ObjectNode) element, elementPath));
        }
        return values;
    }

    @FunctionalInterface
    interface ElementDecoder<T> {
        T decode(ObjectNode node, String path);
    }

    static <E extends Enum<E>> E requiredEnum(
            ObjectNode object, String name, String parent, Function<String, Optional<E>> parse, String allowed) {
        E value = optionalEnum(object, name, parent, parse, allowed);
        if (value == null) {
            throw missing(path(parent, name));
        }
        return value;
    }

    static <E extends Enum<E>> E optionalEnum(
            ObjectNode object, String name, String parent, Function<String, Optional<E>> parse, String allowed) {
        String text = optionalString(object, name, parent);
        if (text == null) {
            return null;
        }
        return parse.apply(text).orElseThrow(() -> invalid(path(parent, name), "must be one of " + allowed));
    }

    /** An {@code extension} or other free-form object as immutable plain Java maps and lists. */
    static Map<String, Object> optionalJsonObject(ObjectNode object, String name, String parent) {
        ObjectNode node = optionalObject(object, name, parent);
        if (node == null) {
            return Map.of();
        }
        return Elements.jsonObject(toJavaObject(node), path(parent, name));
    }

    static Map<String, Object> toJavaObject(ObjectNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            map.put(member.getKey(), toJava(member.getValue()));
        }
        return map;
    }

    static List<Object> toJavaArray(ArrayNode node) {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            list.add(toJava(element));
        }
        return list;
    }

    private static Object toJava(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> toJavaObject((ObjectNode) node);
            case ARRAY -> toJavaArray((ArrayNode) node);
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            default -> null;
        };
    }

    /** Runs a record constructor, reporting a broken invariant as INVALID_FIELD with its full path. */
    static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidElementException e) {
            String field = path(path, e.element());
            throw new CdsHooksException(ErrorCode.INVALID_FIELD, field, field + ": " + e.rule());
        }
    }

    // ---- writing: optional elements are omitted rather than written as null or empty ----

    static void writeString(JsonGenerator out, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeStringField(name, value);
        }
    }

    static void writeBoolean(JsonGenerator out, String name, Boolean value) throws IOException {
        if (value != null) {
            out.writeBooleanField(name, value);
        }
    }

    static void writeJsonObject(JsonGenerator out, String name, Map<String, Object> value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeFieldName(name);
            writeJava(out, value);
        }
    }

    static void writeJava(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (member.getValue() != null) {
                    out.writeFieldName(String.valueOf(member.getKey()));
                    writeJava(out, member.getValue());
                }
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                writeJava(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            out.writeNumber(integer);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            out.writeNumber(number.doubleValue());
        } else if (value == null) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + value.getClass().getName());
        }
    }
}
