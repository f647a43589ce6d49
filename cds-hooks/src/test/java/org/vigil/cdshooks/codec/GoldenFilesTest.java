package org.vigil.cdshooks.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cdshooks.Fixtures.CODEC;
import static org.vigil.cdshooks.Fixtures.resource;
import static org.vigil.cdshooks.Fixtures.tree;

import java.time.Instant;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.discovery.CdsService;
import org.vigil.cdshooks.discovery.Discovery;
import org.vigil.cdshooks.feedback.AcceptedSuggestion;
import org.vigil.cdshooks.feedback.Feedback;
import org.vigil.cdshooks.feedback.FeedbackRequest;
import org.vigil.cdshooks.feedback.Outcome;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.request.Prefetch;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.LinkType;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Suggestion;

/** The specification's own examples: decode, check the model, encode, compare as JSON trees. */
class GoldenFilesTest {

    @Test
    void discoveryExample() {
        byte[] json = resource("golden/discovery.json");

        Discovery discovery = CODEC.decodeDiscovery(json);

        assertThat(discovery.services())
                .extracting(CdsService::id)
                .containsExactly("static-patient-greeter", "order-echo", "pgx-on-order-sign");
        CdsService orderEcho = discovery.services().get(1);
        assertThat(orderEcho.hook()).isEqualTo("order-select");
        assertThat(orderEcho.title()).isEqualTo("Order Echo CDS Service");
        assertThat(orderEcho.prefetch())
                .containsEntry("patient", "Patient/{{context.patientId}}")
                .containsEntry("medications", "MedicationRequest?patient={{context.patientId}}");
        CdsService pgx = discovery.services().get(2);
        assertThat(pgx.prefetch()).isEmpty();
        assertThat(pgx.usageRequirements()).startsWith("Note: functionality of this CDS Service is degraded");
        assertThat(tree(CODEC.encodeDiscovery(discovery))).isEqualTo(tree(json));
    }

    @Test
    void discoveryExtensionExample() {
        byte[] json = resource("golden/discovery-extension.json");

        Discovery discovery = CODEC.decodeDiscovery(json);

        assertThat(discovery.services().get(0).extension())
                .containsEntry(
                        "com.example.clientConformance", "http://hooks.example.org/fhir/102/Conformance/patientview");
        assertThat(tree(CODEC.encodeDiscovery(discovery))).isEqualTo(tree(json));
    }

    @Test
    void patientViewRequestExample() {
        byte[] json = resource("golden/patient-view-request.json");

        CdsRequest request = CODEC.decodeRequest(json);

        assertThat(request.hook()).isEqualTo("patient-view");
        assertThat(request.hookInstance()).isEqualTo("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        assertThat(request.fhirServer()).isEqualTo("http://hooks.smarthealthit.org:9080");
        assertThat(request.fhirAuthorization().accessToken()).isEqualTo("some-opaque-fhir-access-token");
        assertThat(request.fhirAuthorization().tokenType()).isEqualTo("Bearer");
        assertThat(request.fhirAuthorization().expiresIn()).isEqualTo(300L);
        assertThat(request.fhirAuthorization().scope()).isEqualTo("user/Patient.read user/Observation.read");
        assertThat(request.fhirAuthorization().subject()).isEqualTo("cds-service4");
        assertThat(request.fhirAuthorization().patient()).isNull();
        assertThat(request.context().fields()).containsExactly("userId", "patientId", "encounterId");
        assertThat(request.context().string("userId")).contains("Practitioner/example");
        assertThat(request.context().string("patientId")).contains("1288992");
        assertThat(request.context().string("encounterId")).contains("89284");
        assertThat(request.prefetch().state("patientToGreet")).isEqualTo(Prefetch.State.RESOURCE);
        Patient patient =
                (Patient) request.prefetch().resource("patientToGreet").orElseThrow();
        assertThat(patient.getIdElement().getIdPart()).isEqualTo("1288992");
        assertThat(patient.getGender()).isEqualTo(AdministrativeGender.MALE);
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1925-12-23");
        assertThat(patient.getActive()).isTrue();
        assertThat(tree(CODEC.encodeRequest(request))).isEqualTo(tree(json));
    }

    @Test
    void responseExample() {
        byte[] json = resource("golden/response-example.json");

        CdsResponse response = CODEC.decodeResponse(json);

        assertThat(response.cards()).hasSize(2);
        Card first = response.cards().get(0);
        assertThat(first.uuid()).isEqualTo("4e0a3a1e-3283-4575-ab82-028d55fe2719");
        assertThat(first.indicator()).isEqualTo(Indicator.INFO);
        assertThat(first.source().icon()).isEqualTo("https://example.com/img/icon-100px.png");
        assertThat(first.links()).hasSize(3);
        assertThat(first.links().get(2).type()).isEqualTo(LinkType.SMART);
        assertThat(first.links().get(2).appContext()).isEqualTo("{\"session\":3456356,\"settings\":{\"module\":4235}}");
        Card second = response.cards().get(1);
        assertThat(second.indicator()).isEqualTo(Indicator.WARNING);
        assertThat(second.overrideReasons())
                .extracting(Coding::display)
                .containsExactly("Patient refused", "Contraindicated");
        assertThat(response.systemActions()).isEmpty();
        assertThat(tree(CODEC.encodeResponse(response))).isEqualTo(tree(json));
    }

    @Test
    void responseWithSuggestionsAndActions() {
        byte[] json = resource("golden/response-with-suggestions.json");

        CdsResponse response = CODEC.decodeResponse(json);

        Card card = response.cards().get(0);
        assertThat(card.source().topic())
                .isEqualTo(new Coding(
                        "http://example.org/cds-services/fhir/CodeSystem/topics", "12345", "Mosquito born virus"));
        assertThat(card.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
        assertThat(card.suggestions()).hasSize(2);
        Suggestion prescribe = card.suggestions().get(0);
        assertThat(prescribe.uuid()).isEqualTo("e56e1945-20b3-4393-8503-a1a20fd73152");
        assertThat(prescribe.isRecommended()).isTrue();
        Action create = prescribe.actions().get(0);
        assertThat(create.type()).isEqualTo(ActionType.CREATE);
        assertThat(create.resource()).isInstanceOfSatisfying(MedicationRequest.class, order -> {
            assertThat(order.getIdElement().getIdPart()).isEqualTo("medrx001");
            assertThat(order.getMedicationCodeableConcept().getText()).isEqualTo("Acetaminophen 250 MG");
        });
        Action delete = card.suggestions().get(1).actions().get(0);
        assertThat(delete.type()).isEqualTo(ActionType.DELETE);
        assertThat(delete.resource()).isNull();
        assertThat(delete.resourceId()).isEqualTo("ServiceRequest/procedure-request-1");
        Action update = response.systemActions().get(0);
        assertThat(update.type()).isEqualTo(ActionType.UPDATE);
        assertThat(update.resource())
                .isInstanceOfSatisfying(
                        ServiceRequest.class,
                        order -> assertThat(order.getCode().getText()).isEqualTo("MRI of the lumbar spine"));
        assertThat(tree(CODEC.encodeResponse(response))).isEqualTo(tree(json));
    }

    @Test
    void feedbackAcceptedExample() {
        byte[] json = resource("golden/feedback-accepted.json");

        FeedbackRequest request = CODEC.decodeFeedback(json);

        Feedback feedback = request.feedback().get(0);
        assertThat(feedback.card()).isEqualTo("4e0a3a1e-3283-4575-ab82-028d55fe2719");
        assertThat(feedback.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(feedback.acceptedSuggestions())
                .containsExactly(new AcceptedSuggestion("e56e1945-20b3-4393-8503-a1a20fd73152"));
        assertThat(feedback.overrideReason()).isNull();
        assertThat(feedback.outcomeTimestamp()).isEqualTo(Instant.parse("2021-12-11T10:05:31Z"));
        assertThat(tree(CODEC.encodeFeedback(request))).isEqualTo(tree(json));
    }

    @Test
    void feedbackOverriddenWithReasonExample() {
        byte[] json = resource("golden/feedback-overridden-with-reason.json");

        FeedbackRequest request = CODEC.decodeFeedback(json);

        Feedback feedback = request.feedback().get(0);
        assertThat(feedback.outcome()).isEqualTo(Outcome.OVERRIDDEN);
        assertThat(feedback.acceptedSuggestions()).isEmpty();
        assertThat(feedback.overrideReason().reason())
                .isEqualTo(Coding.of("https://example.com/cds-hooks/override-reason-system", "d7ecf885"));
        assertThat(feedback.overrideReason().userComment()).isEqualTo("A comment entered by the clinician.");
        assertThat(feedback.outcomeTimestamp()).isEqualTo(Instant.parse("2020-12-11T00:00:00Z"));
        assertThat(tree(CODEC.encodeFeedback(request))).isEqualTo(tree(json));
    }

    @Test
    void feedbackOverriddenWithoutReasonExample() {
        byte[] json = resource("golden/feedback-overridden.json");

        FeedbackRequest request = CODEC.decodeFeedback(json);

        assertThat(request.feedback().get(0).overrideReason()).isNull();
        assertThat(tree(CODEC.encodeFeedback(request))).isEqualTo(tree(json));
    }
}
