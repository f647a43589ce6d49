package org.vigil.cdshooks.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.cdshooks.Fixtures.CODEC;
import static org.vigil.cdshooks.Fixtures.json;
import static org.vigil.cdshooks.Fixtures.tree;

import ca.uhn.fhir.context.FhirVersionEnum;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.codec.ErrorCode;

class ResponseEncodingTest {

    @Test
    void noGuidanceIsAnEmptyCardsArray() {
        assertThat(new String(CODEC.encodeResponse(CdsResponse.empty()), StandardCharsets.UTF_8))
                .isEqualTo("{\"cards\":[]}");
    }

    @Test
    void optionalElementsAreOmittedNotNullOrEmpty() {
        Card card = new Card(
                null,
                "Warfarin with ibuprofen raises bleeding risk",
                null,
                Indicator.WARNING,
                Source.of("Vigil"),
                List.of(),
                null,
                List.of(),
                List.of(),
                Map.of());

        byte[] encoded = CODEC.encodeResponse(CdsResponse.of(List.of(card)));

        assertThat(tree(encoded)).isEqualTo(tree(json("""
                        {'cards': [{'summary': 'Warfarin with ibuprofen raises bleeding risk', 'indicator': 'warning',
                          'source': {'label': 'Vigil'}}]}
                        """)));
        assertThat(new String(encoded, StandardCharsets.UTF_8))
                .doesNotContain("null")
                .doesNotContain("[]");
    }

    @Test
    void resourcesAreEncodedByHapiWithoutNullsAndDecodeBack() {
        MedicationRequest order = new MedicationRequest();
        order.setId("new-1");
        order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        order.setSubject(new Reference("Patient/p-1"));
        order.getMedicationCodeableConcept().setText("Acetaminophen 325 MG Oral Tablet");
        Card card = new Card(
                "card-1",
                "Consider acetaminophen",
                "Ibuprofen raises bleeding risk with **warfarin**.",
                Indicator.WARNING,
                Source.of("Vigil"),
                List.of(new Suggestion(
                        "Order acetaminophen", "s-1", true, List.of(Action.create("Order acetaminophen", order)))),
                SelectionBehavior.AT_MOST_ONE,
                null,
                null,
                Map.of("org.vigil.ruleId", "DDI-001"));

        byte[] encoded = CODEC.encodeResponse(CdsResponse.of(List.of(card)));

        assertThat(tree(encoded).at("/cards/0/suggestions/0/actions/0/resource"))
                .isEqualTo(tree(json("""
                        {'resourceType': 'MedicationRequest', 'id': 'new-1', 'status': 'draft', 'intent': 'order',
                         'medicationCodeableConcept': {'text': 'Acetaminophen 325 MG Oral Tablet'},
                         'subject': {'reference': 'Patient/p-1'}}
                        """)));
        assertThat(tree(encoded).at("/cards/0/extension/org.vigil.ruleId").asText())
                .isEqualTo("DDI-001");
        CdsResponse decoded = CODEC.decodeResponse(encoded);
        assertThat(decoded.cards().get(0).detail()).isEqualTo(card.detail());
        assertThat(decoded.cards().get(0).suggestions().get(0).actions().get(0).resource())
                .isInstanceOfSatisfying(
                        MedicationRequest.class,
                        decodedOrder -> assertThat(decodedOrder
                                        .getMedicationCodeableConcept()
                                        .getText())
                                .isEqualTo("Acetaminophen 325 MG Oral Tablet"));
    }

    @Test
    void deprecatedDeleteWithAnIdInResourceBecomesResourceId() {
        CdsResponse response = CODEC.decodeResponse(
                json(
                        "{'cards': [], 'systemActions': [{'type': 'delete', 'description': 'Remove', 'resource': 'ServiceRequest/9'}]}"));

        assertThat(response.systemActions().get(0).resourceId()).isEqualTo("ServiceRequest/9");
        assertThat(tree(CODEC.encodeResponse(response)))
                .isEqualTo(
                        tree(
                                json(
                                        "{'cards': [], 'systemActions': [{'type': 'delete', 'description': 'Remove', 'resourceId': 'ServiceRequest/9'}]}")));
    }

    @Test
    void aResourceHapiCannotEncodeIsAnInvalidResponseNamingTheAction() {
        Patient fromAnotherVersion = new Patient() {
            @Override
            public FhirVersionEnum getStructureFhirVersionEnum() {
                return FhirVersionEnum.DSTU3;
            }
        };
        CdsResponse response = new CdsResponse(List.of(), List.of(Action.update("Fix the record", fromAnotherVersion)));

        assertThatThrownBy(() -> CODEC.encodeResponse(response)).isInstanceOfSatisfying(CdsHooksException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(e.field()).isEqualTo("systemActions[0].resource");
        });
    }
}
