package org.vigil.cdshooks.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cdshooks.Fixtures.CODEC;
import static org.vigil.cdshooks.Fixtures.json;
import static org.vigil.cdshooks.Fixtures.resource;
import static org.vigil.cdshooks.Fixtures.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.HookContext;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.cdshooks.request.Prefetch.State;

class RequestCodecTest {

    @Test
    void orderSignCarriesDraftOrdersAndThePrefetchStates() {
        CdsRequest request = CODEC.decodeRequest(resource("requests/order-sign.json"));

        Bundle drafts = (Bundle) request.context().resource("draftOrders").orElseThrow();
        assertThat(drafts.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(drafts.getEntry())
                .extracting(entry -> (MedicationRequest) entry.getResource())
                .extracting(order -> order.getIdElement().getIdPart())
                .containsExactly("draft-1", "draft-2");
        MedicationRequest amoxicillin =
                (MedicationRequest) drafts.getEntryFirstRep().getResource();
        assertThat(amoxicillin
                        .getMedicationCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("617993");
        assertThat(amoxicillin
                        .getDosageInstructionFirstRep()
                        .getDoseAndRateFirstRep()
                        .getDoseQuantity()
                        .getValue())
                .isEqualByComparingTo(new BigDecimal("5.0"));

        Prefetch prefetch = request.prefetch();
        assertThat(prefetch.state("activeMedications")).isEqualTo(State.RESOURCE);
        assertThat(prefetch.state("allergies")).isEqualTo(State.NULL);
        assertThat(prefetch.state("conditions")).isEqualTo(State.ABSENT);
        assertThat(prefetch.keys()).containsExactly("activeMedications", "allergies");
        assertThat(prefetch.resource("allergies")).isEmpty();
        assertThat(prefetch.resource("conditions")).isEmpty();
        Bundle active = (Bundle) prefetch.resource("activeMedications").orElseThrow();
        assertThat(active.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(active.getTotal()).isEqualTo(1);
        assertThat(((MedicationRequest) active.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);

        assertThat(request.fhirAuthorization().patient()).isEqualTo("pat-77");
        assertThat(request.extension()).containsEntry("org.example.site", "north");
    }

    @Test
    void orderSignRoundTripsIncludingTheExplicitNullAndDecimalPrecision() {
        byte[] json = resource("requests/order-sign.json");

        JsonNode encoded = tree(CODEC.encodeRequest(CODEC.decodeRequest(json)));

        assertThat(encoded).isEqualTo(tree(json));
        assertThat(encoded.path("prefetch").has("allergies")).isTrue();
        assertThat(encoded.path("prefetch").get("allergies").isNull()).isTrue();
        assertThat(encoded.path("extension")
                        .path("org.example.trace")
                        .path("weights")
                        .get(1)
                        .decimalValue())
                .isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void orderSelectKeepsSelectionsAsStrings() {
        CdsRequest request = CODEC.decodeRequest(json("""
                {'hook': 'order-select', 'hookInstance': 'i-1',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'selections': ['MedicationRequest/a'],
                   'draftOrders': {'resourceType': 'Bundle', 'type': 'collection',
                     'entry': [{'resource': {'resourceType': 'MedicationRequest', 'id': 'a',
                        'status': 'draft', 'intent': 'order', 'subject': {'reference': 'Patient/p-1'}}}]}}}
                """));

        assertThat(request.context().strings("selections")).containsExactly("MedicationRequest/a");
        assertThat(request.context().kind("selections")).contains(HookContext.Kind.STRING_ARRAY);
        assertThat(request.context().resource("draftOrders")).get().isInstanceOf(Bundle.class);
    }

    @Test
    void medicationPrescribeAcceptsABareArrayAndMakesItACollectionBundle() {
        CdsRequest request = CODEC.decodeRequest(json("""
                {'hook': 'medication-prescribe', 'hookInstance': 'i-2',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'medications': [
                     {'resourceType': 'MedicationRequest', 'id': 'm1', 'status': 'draft', 'intent': 'order',
                      'subject': {'reference': 'Patient/p-1'}},
                     {'resourceType': 'MedicationRequest', 'id': 'm2', 'status': 'draft', 'intent': 'order',
                      'subject': {'reference': 'Patient/p-1'}}]}}
                """));

        Bundle medications = (Bundle) request.context().resource("medications").orElseThrow();
        assertThat(medications.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(medications.getEntry())
                .extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .containsExactly("m1", "m2");
    }

    @Test
    void medicationPrescribeAcceptsABundleToo() {
        CdsRequest request = CODEC.decodeRequest(json("""
                {'hook': 'medication-prescribe', 'hookInstance': 'i-3',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'medications': {'resourceType': 'Bundle', 'type': 'collection'}}}
                """));

        assertThat(request.context().resource("medications")).get().isInstanceOf(Bundle.class);
    }

    @Test
    void unknownHooksPassThroughWithTheirContextKinds() {
        CdsRequest request = CODEC.decodeRequest(json("""
                {'hook': 'org.example.chart-close', 'hookInstance': 'i-4',
                 'context': {'count': 3, 'ratio': 0.50, 'urgent': true, 'note': 'x',
                   'settings': {'mode': 'strict', 'levels': [1, 2]}, 'mixed': [1, 'a'],
                   'patient': {'resourceType': 'Patient', 'id': 'p-9'}}}
                """));

        HookContext context = request.context();
        assertThat(context.string("count")).contains("3");
        assertThat(context.string("ratio")).contains("0.50");
        assertThat(context.string("urgent")).contains("true");
        assertThat(context.kind("urgent")).contains(HookContext.Kind.BOOLEAN);
        assertThat(context.other("settings")).contains(Map.of("mode", "strict", "levels", List.of(1, 2)));
        assertThat(context.other("mixed")).contains(List.of(1, "a"));
        assertThat(context.strings("mixed")).isEmpty();
        assertThat(context.resource("patient")).get().isInstanceOf(Patient.class);
        assertThat(context.string("patient")).isEmpty();
        assertThat(context.has("missing")).isFalse();
    }

    @Test
    void builtContextEncodesAsTheSpecSaysAndDecodesBack() {
        Patient patient = new Patient();
        patient.setId("p-3");
        patient.setActive(true);
        HookContext context = HookContext.builder()
                .string("userId", "Practitioner/7")
                .string("patientId", "p-3")
                .number("weight", new BigDecimal("71.20"))
                .bool("flag", false)
                .strings("selections", List.of("MedicationRequest/x"))
                .other("settings", Map.of("k", "v"))
                .resource("patient", patient)
                .build();
        CdsRequest request = new CdsRequest(
                "org.example.custom",
                "i-5",
                null,
                null,
                context,
                Prefetch.of(Collections.singletonMap("nothing", null)),
                null);

        JsonNode encoded = tree(CODEC.encodeRequest(request));

        assertThat(encoded).isEqualTo(tree(json("""
                        {'hook': 'org.example.custom', 'hookInstance': 'i-5',
                         'context': {'userId': 'Practitioner/7', 'patientId': 'p-3', 'weight': 71.20, 'flag': false,
                           'selections': ['MedicationRequest/x'], 'settings': {'k': 'v'},
                           'patient': {'resourceType': 'Patient', 'id': 'p-3', 'active': true}},
                         'prefetch': {'nothing': null}}
                        """)));
        CdsRequest decoded = CODEC.decodeRequest(CODEC.encodeRequest(request));
        assertThat(decoded.context().string("weight")).contains("71.20");
        assertThat(decoded.prefetch().state("nothing")).isEqualTo(State.NULL);
    }

    @Test
    void nullContextValuesAreReadAsAbsent() {
        CdsRequest request = CODEC.decodeRequest(json("""
                {'hook': 'patient-view', 'hookInstance': 'i-6',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1', 'encounterId': null}}
                """));

        assertThat(request.context().has("encounterId")).isFalse();
        assertThat(request.prefetch().keys()).isEmpty();
    }

    @Test
    void codecIsSafeToShareAcrossThreads() throws Exception {
        byte[] json = resource("requests/order-sign.json");
        JsonNode expected = tree(json);
        List<Callable<JsonNode>> calls = IntStream.range(0, 64)
                .<Callable<JsonNode>>mapToObj(i -> () -> tree(CODEC.encodeRequest(CODEC.decodeRequest(json))))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<JsonNode> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
