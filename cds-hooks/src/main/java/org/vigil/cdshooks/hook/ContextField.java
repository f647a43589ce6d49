package org.vigil.cdshooks.hook;

import java.util.Objects;

/**
 * One row of a hook's context table.
 *
 * @param prefetchToken whether {@code {{context.<name>}}} may appear in a prefetch template
 * @param resourceType the FHIR resource type for {@link FieldType#RESOURCE} fields, null for any
 */
public record ContextField(String name, boolean required, boolean prefetchToken, FieldType type, String resourceType) {

    public ContextField {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("context field name must be a non-blank root-level name");
        }
        Objects.requireNonNull(type, "type");
        // The spec makes only root-level primitives eligible as prefetch tokens.
        if (prefetchToken && !(type == FieldType.STRING || type == FieldType.NUMBER || type == FieldType.BOOLEAN)) {
            throw new IllegalArgumentException("only primitive context fields can be prefetch tokens: " + name);
        }
        if (resourceType != null && type != FieldType.RESOURCE) {
            throw new IllegalArgumentException("resourceType applies to RESOURCE fields only: " + name);
        }
    }

    static ContextField token(String name, boolean required) {
        return new ContextField(name, required, true, FieldType.STRING, null);
    }

    static ContextField resource(String name, boolean required, String resourceType) {
        return new ContextField(name, required, false, FieldType.RESOURCE, resourceType);
    }
}
