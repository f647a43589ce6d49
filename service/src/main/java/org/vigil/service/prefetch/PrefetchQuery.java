package org.vigil.service.prefetch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved prefetch template, relative to a FHIR base: a read ({@code Patient/123}) or a search
 * ({@code Observation?patient=123&category=laboratory}).
 *
 * @param relative the query as resolved, percent-encoded, as sent to a FHIR server
 * @param id the id read, or null for a search
 * @param params the decoded search parameters (empty for a read)
 */
record PrefetchQuery(String relative, String type, String id, Map<String, List<String>> params) {

    boolean isRead() {
        return id != null;
    }

    /** Empty for what is neither {@code Type/id} nor {@code Type?params} (e.g. a system-wide search). */
    static Optional<PrefetchQuery> parse(String relative) {
        String trimmed = relative.startsWith("/") ? relative.substring(1) : relative;
        int question = trimmed.indexOf('?');
        String path = question < 0 ? trimmed : trimmed.substring(0, question);
        String[] parts = path.split("/", -1);
        if (parts.length == 0 || parts[0].isEmpty() || !Character.isUpperCase(parts[0].charAt(0))) {
            return Optional.empty();
        }
        if (question < 0) {
            if (parts.length == 2 && !parts[1].isEmpty()) {
                return Optional.of(new PrefetchQuery(trimmed, parts[0], decode(parts[1]), Map.of()));
            }
            if (parts.length == 1) {
                return Optional.of(new PrefetchQuery(trimmed, parts[0], null, Map.of()));
            }
            return Optional.empty();
        }
        if (parts.length != 1) {
            return Optional.empty();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : trimmed.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return Optional.of(new PrefetchQuery(trimmed, parts[0], null, params));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
