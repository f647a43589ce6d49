package org.vigil.cdshooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invariant checks and defensive copies shared by the wire records. Public only because the records
 * live in several packages; application code has no reason to call it.
 */
public final class Elements {

    private Elements() {}

    /** The spec forbids empty strings as well as missing required ones. */
    public static String requireText(String value, String element) {
        if (value == null) {
            throw new InvalidElementException(element, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidElementException(element, "must not be blank");
        }
        return value;
    }

    /**
     * Optional strings that are blank become null: the spec forbids {@code ""}, and treating it as
     * absent keeps one spelling for "no value" on both the decode and encode side.
     */
    public static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static <T> T requirePresent(T value, String element) {
        if (value == null) {
            throw new InvalidElementException(element, "is required");
        }
        return value;
    }

    /** Immutable copy; a null list becomes empty so callers never null-check. */
    public static <T> List<T> list(List<T> values, String element) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidElementException(element + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** Immutable, order-preserving copy of a string map (discovery prefetch templates). */
    public static Map<String, String> stringMap(Map<String, String> values, String element) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new InvalidElementException(element, "keys must not be blank");
            }
            copy.put(key, requireText(value, element + "." + key));
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Deep, immutable, order-preserving copy of free-form JSON held as plain Java maps and lists
     * (extensions, context objects). Null map entries are dropped because the spec forbids nulls.
     */
    public static Map<String, Object> jsonObject(Map<String, ?> values, String element) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null) {
                throw new InvalidElementException(element, "keys must not be null");
            }
            if (value != null) {
                copy.put(key, freeze(value, element + "." + key));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Deep immutable copy of a JSON array held as a plain Java list. */
    public static List<Object> jsonArray(List<?> values, String element) {
        List<Object> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            copy.add(value == null ? null : freeze(value, element + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value, String element) {
        if (value instanceof Map<?, ?> map) {
            return jsonObject((Map<String, ?>) map, element);
        }
        if (value instanceof List<?> list) {
            return jsonArray(list, element);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new InvalidElementException(element, "must be a JSON string, number, boolean, object or array");
    }
}
