package org.vigil.cdshooks.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.codec.ErrorCode;
import org.vigil.cdshooks.request.HookContext;

class HookDefinitionTest {

    private static HookContext.Builder orderSign() {
        return HookContext.builder().string("userId", "Practitioner/1").string("patientId", "p-1");
    }

    @Test
    void findsTheFourHooks() {
        assertThat(Hooks.find("patient-view")).contains(Hooks.PATIENT_VIEW);
        assertThat(Hooks.find("order-select")).contains(Hooks.ORDER_SELECT);
        assertThat(Hooks.find("order-sign")).contains(Hooks.ORDER_SIGN);
        assertThat(Hooks.find("medication-prescribe")).contains(Hooks.MEDICATION_PRESCRIBE);
        assertThat(Hooks.find("encounter-start")).isEmpty();
        assertThat(Hooks.find(null)).isEmpty();
        assertThat(Hooks.MEDICATION_PRESCRIBE.deprecated()).isTrue();
        assertThat(Hooks.ORDER_SIGN.deprecated()).isFalse();
    }

    @Test
    void contextTablesMatchTheLibrary() {
        assertThat(Hooks.ORDER_SELECT.context())
                .extracting(ContextField::name)
                .containsExactly("userId", "patientId", "encounterId", "selections", "draftOrders");
        assertThat(Hooks.ORDER_SIGN.field("draftOrders"))
                .contains(new ContextField("draftOrders", true, false, FieldType.RESOURCE, "Bundle"));
        assertThat(Hooks.PATIENT_VIEW.field("encounterId"))
                .contains(new ContextField("encounterId", false, true, FieldType.STRING, null));
        assertThat(Hooks.ORDER_SELECT.field("selections").orElseThrow().type()).isEqualTo(FieldType.ARRAY);
    }

    @Test
    void validContextPasses() {
        HookContext context = orderSign().resource("draftOrders", new Bundle()).build();

        assertThatCode(() -> Hooks.ORDER_SIGN.validate(context)).doesNotThrowAnyException();
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> Hooks.ORDER_SIGN.validate(orderSign().build()))
                .isInstanceOfSatisfying(CdsHooksException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                    assertThat(e.field()).isEqualTo("context.draftOrders");
                });
    }

    @Test
    void wrongResourceTypeAndWrongJsonTypeAreInvalid() {
        HookContext notABundle =
                orderSign().resource("draftOrders", new MedicationRequest()).build();
        HookContext numericPatient = HookContext.builder()
                .string("userId", "Practitioner/1")
                .number("patientId", 42)
                .build();

        assertThatThrownBy(() -> Hooks.ORDER_SIGN.validate(notABundle))
                .isInstanceOfSatisfying(CdsHooksException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).isEqualTo("context.draftOrders");
                });
        assertThatThrownBy(() -> Hooks.PATIENT_VIEW.validate(numericPatient))
                .isInstanceOfSatisfying(CdsHooksException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.patientId");
                    assertThat(e.getMessage())
                            .contains("must be a string (was a number)")
                            .doesNotContain("42");
                });
    }

    @Test
    void selectionsMustBeAnArray() {
        HookContext context = orderSign()
                .string("selections", "MedicationRequest/1")
                .resource("draftOrders", new Bundle())
                .build();

        assertThatThrownBy(() -> Hooks.ORDER_SELECT.validate(context))
                .isInstanceOfSatisfying(
                        CdsHooksException.class, e -> assertThat(e.field()).isEqualTo("context.selections"));
    }

    @Test
    void extraFieldsAreAllowed() {
        HookContext context =
                orderSign().other("org.example.flags", Map.of("a", List.of(1))).build();

        assertThatCode(() -> Hooks.PATIENT_VIEW.validate(context)).doesNotThrowAnyException();
    }

    @Test
    void onlyTheDeprecatedHookAcceptsAResourceArray() {
        assertThat(Hooks.MEDICATION_PRESCRIBE.acceptsResourceArray("medications"))
                .isTrue();
        assertThat(Hooks.MEDICATION_PRESCRIBE.acceptsResourceArray("patientId")).isFalse();
        assertThat(Hooks.ORDER_SIGN.acceptsResourceArray("draftOrders")).isFalse();
    }

    @Test
    void definitionsRejectImpossibleFields() {
        assertThatThrownBy(() -> new ContextField("draftOrders", true, true, FieldType.RESOURCE, "Bundle"))
                .hasMessageContaining("only primitive context fields can be prefetch tokens");
        assertThatThrownBy(() -> new ContextField("medication.id", true, true, FieldType.STRING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HookDefinition(
                        "x",
                        List.of(
                                new ContextField("a", true, false, FieldType.STRING, null),
                                new ContextField("a", false, false, FieldType.STRING, null)),
                        false))
                .hasMessageContaining("duplicate context field a");
    }
}
