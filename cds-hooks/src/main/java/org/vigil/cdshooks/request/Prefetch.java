package org.vigil.cdshooks.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Prefetched data keyed by prefetch key. The spec gives each key three meanings that a service must
 * keep apart: a key the client did not send was not fetched (the service may fetch it itself), a
 * key sent as JSON {@code null} was looked up and nothing was found, and otherwise the value is a
 * resource (often a searchset Bundle).
 */
public final class Prefetch {

    /** What the client told us about one prefetch key. */
    public enum State {
        /** The client did not satisfy this template; the data may still exist. */
        ABSENT,
        /** The client looked and found nothing. */
        NULL,
        /** The client sent a resource. */
        RESOURCE
    }

    private static final Prefetch EMPTY = new Prefetch(Map.of());

    // Values may be null (State.NULL), so this is not a Map.copyOf.
    private final Map<String, IBaseResource> entries;

    private Prefetch(Map<String, IBaseResource> entries) {
        this.entries = entries;
    }

    /**
     * @param entries a null value means the client sent JSON null for that key; keys not in the
     *     map were not fetched.
     */
    public static Prefetch of(Map<String, IBaseResource> entries) {
        if (entries == null || entries.isEmpty()) {
            return EMPTY;
        }
        Map<String, IBaseResource> copy = new LinkedHashMap<>(entries);
        if (copy.keySet().stream().anyMatch(key -> key == null || key.isBlank())) {
            throw new IllegalArgumentException("prefetch keys must not be blank");
        }
        return new Prefetch(Collections.unmodifiableMap(copy));
    }

    public static Prefetch empty() {
        return EMPTY;
    }

    public State state(String key) {
        if (!entries.containsKey(key)) {
            return State.ABSENT;
        }
        return entries.get(key) == null ? State.NULL : State.RESOURCE;
    }

    public Optional<IBaseResource> resource(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Keys the client sent, including those it sent as null. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /**
     * A copy with one key filled in, for completing the prefetch from the record store or the
     * client's FHIR server; a null resource records "looked, found nothing".
     */
    public Prefetch with(String key, IBaseResource resourceOrNull) {
        Map<String, IBaseResource> copy = new LinkedHashMap<>(entries);
        copy.put(key, resourceOrNull);
        return of(copy);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Keys and states only: resources carry patient data and must not reach logs. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Prefetch[");
        String separator = "";
        for (String key : entries.keySet()) {
            text.append(separator).append(key).append('=').append(state(key));
            separator = ", ";
        }
        return text.append(']').toString();
    }
}
