package org.vigil.cdshooks.hook;

import static org.vigil.cdshooks.hook.ContextField.resource;
import static org.vigil.cdshooks.hook.ContextField.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The hooks Vigil serves, with their context tables from the CDS Hooks library. */
public final class Hooks {

    public static final HookDefinition PATIENT_VIEW = new HookDefinition(
            "patient-view",
            List.of(token("userId", true), token("patientId", true), token("encounterId", false)),
            false);

    public static final HookDefinition ORDER_SELECT = new HookDefinition(
            "order-select",
            List.of(
                    token("userId", true),
                    token("patientId", true),
                    token("encounterId", false),
                    // References such as "MedicationRequest/103" into draftOrders.
                    new ContextField("selections", true, false, FieldType.ARRAY, null),
                    resource("draftOrders", true, "Bundle")),
            false);

    public static final HookDefinition ORDER_SIGN = new HookDefinition(
            "order-sign",
            List.of(
                    token("userId", true),
                    token("patientId", true),
                    token("encounterId", false),
                    resource("draftOrders", true, "Bundle")),
            false);

    /** Superseded by order-select and order-sign; kept for clients still on CDS Hooks 1.0. */
    public static final HookDefinition MEDICATION_PRESCRIBE = new HookDefinition(
            "medication-prescribe",
            List.of(
                    token("userId", true),
                    token("patientId", true),
                    token("encounterId", false),
                    resource("medications", true, "Bundle")),
            true);

    private static final Map<String, HookDefinition> BY_NAME =
            all().stream().collect(Collectors.toUnmodifiableMap(HookDefinition::name, Function.identity()));

    private Hooks() {}

    public static Optional<HookDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    public static List<HookDefinition> all() {
        return List.of(PATIENT_VIEW, ORDER_SELECT, ORDER_SIGN, MEDICATION_PRESCRIBE);
    }
}
