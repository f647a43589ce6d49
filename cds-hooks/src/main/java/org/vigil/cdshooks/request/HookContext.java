package org.vigil.cdshooks.request;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.vigil.cdshooks.Elements;

/**
 * The hook-specific {@code context} object of a request. Each field keeps the JSON kind it arrived
 * with, so a hook definition can check types and a prefetch template can tell a primitive (usable as
 * a token) from a structure. FHIR resources are already parsed.
 */
public final class HookContext {

    /** The JSON shape of a context field. */
    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        /** A JSON object with a {@code resourceType}, parsed as FHIR. */
        RESOURCE,
        /** Any other JSON object, held as a plain map. */
        OBJECT,
        /** A JSON array whose elements are all strings (including the empty array). */
        STRING_ARRAY,
        /** Any other JSON array, held as a plain list. */
        ARRAY
    }

    private record Field(Kind kind, Object value) {}

    private static final HookContext EMPTY = new HookContext(Map.of());

    private final Map<String, Field> fields;

    private HookContext(Map<String, Field> fields) {
        this.fields = fields;
    }

    public static HookContext empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A context of string fields only, the common case of patient-view. */
    public static HookContext ofStrings(Map<String, String> values) {
        Builder builder = builder();
        values.forEach(builder::string);
        return builder.build();
    }

    /** A primitive field as text; numbers and booleans as their JSON text. */
    public Optional<String> string(String field) {
        Field f = fields.get(field);
        if (f == null || !(f.kind == Kind.STRING || f.kind == Kind.NUMBER || f.kind == Kind.BOOLEAN)) {
            return Optional.empty();
        }
        return Optional.of((String) f.value);
    }

    public Optional<IBaseResource> resource(String field) {
        Field f = fields.get(field);
        return f != null && f.kind == Kind.RESOURCE ? Optional.of((IBaseResource) f.value) : Optional.empty();
    }

    /** An array of strings (for example order-select {@code selections}); empty otherwise. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String field) {
        Field f = fields.get(field);
        return f != null && f.kind == Kind.STRING_ARRAY ? (List<String>) f.value : List.of();
    }

    /** A non-FHIR object or a non-string array, as immutable plain Java maps and lists. */
    public Optional<Object> other(String field) {
        Field f = fields.get(field);
        return f != null && (f.kind == Kind.OBJECT || f.kind == Kind.ARRAY) ? Optional.of(f.value) : Optional.empty();
    }

    public Optional<Kind> kind(String field) {
        Field f = fields.get(field);
        return f == null ? Optional.empty() : Optional.of(f.kind);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** Field names in the order they were received. */
    public Set<String> fields() {
        return fields.keySet();
    }

    /** Names and kinds only: values carry patient identifiers and must not reach logs. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("HookContext[");
        String separator = "";
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            text.append(separator).append(entry.getKey()).append(':').append(entry.getValue().kind);
            separator = ", ";
        }
        return text.append(']').toString();
    }

    /** Builds a context field by field; a later call for the same name replaces the earlier one. */
    public static final class Builder {

        private final Map<String, Field> fields = new LinkedHashMap<>();

        private Builder() {}

        public Builder string(String name, String value) {
            return put(name, Kind.STRING, Objects.requireNonNull(value, name));
        }

        public Builder number(String name, Number value) {
            Objects.requireNonNull(value, name);
            return number(name, value.toString());
        }

        /** A number given as JSON number text, kept verbatim so no precision is lost. */
        public Builder number(String name, String jsonNumber) {
            Objects.requireNonNull(jsonNumber, name);
            try {
                new BigDecimal(jsonNumber);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("context field " + name + " is not a finite number");
            }
            // BigDecimal tolerates a leading plus sign; JSON does not.
            String text = jsonNumber.startsWith("+") ? jsonNumber.substring(1) : jsonNumber;
            return put(name, Kind.NUMBER, text);
        }

        public Builder bool(String name, boolean value) {
            return put(name, Kind.BOOLEAN, Boolean.toString(value));
        }

        public Builder resource(String name, IBaseResource value) {
            return put(name, Kind.RESOURCE, Objects.requireNonNull(value, name));
        }

        public Builder strings(String name, List<String> values) {
            return put(name, Kind.STRING_ARRAY, List.copyOf(values));
        }

        /** A plain JSON object ({@link Map}) or array ({@link List}) of JSON-compatible values. */
        @SuppressWarnings("unchecked")
        public Builder other(String name, Object value) {
            if (value instanceof Map<?, ?> map) {
                return put(name, Kind.OBJECT, Elements.jsonObject((Map<String, ?>) map, name));
            }
            if (value instanceof List<?> list) {
                return put(name, Kind.ARRAY, Elements.jsonArray(list, name));
            }
            throw new IllegalArgumentException("context field " + name + " must be a Map or a List");
        }

        private Builder put(String name, Kind kind, Object value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("context field names must not be blank");
            }
            fields.put(name, new Field(kind, value));
            return this;
        }

        public HookContext build() {
            return fields.isEmpty() ? EMPTY : new HookContext(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}
