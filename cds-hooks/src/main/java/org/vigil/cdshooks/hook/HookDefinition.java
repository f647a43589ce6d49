package org.vigil.cdshooks.hook;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.codec.ErrorCode;
import org.vigil.cdshooks.request.HookContext;
import org.vigil.cdshooks.request.HookContext.Kind;

/**
 * A hook as defined in the CDS Hooks library: its name and its context table.
 *
 * @param deprecated true for hooks kept for older clients (medication-prescribe)
 */
public record HookDefinition(String name, List<ContextField> context, boolean deprecated) {

    public HookDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("hook name must not be blank");
        }
        context = List.copyOf(context);
        Set<String> names = new HashSet<>();
        for (ContextField field : context) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("duplicate context field " + field.name() + " in hook " + name);
            }
        }
    }

    public Optional<ContextField> field(String name) {
        for (ContextField field : context) {
            if (field.name().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a client may send this Bundle field as a bare JSON array of resources. Hooks from before
     * the spec preferred Bundles over arrays (the deprecated ones) saw clients do exactly that; the
     * codec wraps such an array in a collection Bundle.
     */
    public boolean acceptsResourceArray(String name) {
        return deprecated
                && field(name)
                        .filter(f -> f.type() == FieldType.RESOURCE && "Bundle".equals(f.resourceType()))
                        .isPresent();
    }

    /**
     * Checks that every required field is present and every known field has its declared type.
     * Fields the definition does not know are allowed: hooks gain optional fields in minor versions.
     *
     * @throws CdsHooksException {@link ErrorCode#MISSING_FIELD} or {@link ErrorCode#INVALID_FIELD}
     *     naming the field as {@code context.<name>}
     */
    public void validate(HookContext ctx) {
        for (ContextField field : context) {
            String path = "context." + field.name();
            Optional<Kind> kind = ctx.kind(field.name());
            if (kind.isEmpty()) {
                if (field.required()) {
                    throw new CdsHooksException(
                            ErrorCode.MISSING_FIELD, path, path + ": is required by the " + name + " hook");
                }
                continue;
            }
            if (!matches(field, kind.get(), ctx)) {
                throw new CdsHooksException(
                        ErrorCode.INVALID_FIELD,
                        path,
                        path + ": must be " + describe(field) + " (was " + describe(kind.get(), ctx, field.name())
                                + ")");
            }
        }
    }

    private static boolean matches(ContextField field, Kind kind, HookContext ctx) {
        return switch (field.type()) {
            case STRING -> kind == Kind.STRING;
            case NUMBER -> kind == Kind.NUMBER;
            case BOOLEAN -> kind == Kind.BOOLEAN;
            case OBJECT -> kind == Kind.OBJECT || kind == Kind.RESOURCE;
            case ARRAY -> kind == Kind.ARRAY || kind == Kind.STRING_ARRAY;
            case RESOURCE ->
                kind == Kind.RESOURCE
                        && (field.resourceType() == null
                                || field.resourceType().equals(resourceType(ctx, field.name())));
        };
    }

    private static String describe(ContextField field) {
        return switch (field.type()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case RESOURCE ->
                field.resourceType() == null ? "a FHIR resource" : "a FHIR " + field.resourceType() + " resource";
        };
    }

    // Types only: the values may be patient data.
    private static String describe(Kind kind, HookContext ctx, String name) {
        return switch (kind) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object without resourceType";
            case STRING_ARRAY, ARRAY -> "an array";
            case RESOURCE -> "a FHIR " + resourceType(ctx, name) + " resource";
        };
    }

    private static String resourceType(HookContext ctx, String name) {
        return ctx.resource(name).map(IBaseResource::fhirType).orElse("");
    }
}
