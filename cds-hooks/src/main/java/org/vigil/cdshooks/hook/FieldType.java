package org.vigil.cdshooks.hook;

/** JSON type of a hook context field, as hook definitions list them. */
public enum FieldType {
    STRING,
    OBJECT,
    ARRAY,
    BOOLEAN,
    NUMBER,
    /** A FHIR resource; {@link ContextField#resourceType()} names which one. */
    RESOURCE
}
