package org.vigil.cdshooks.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.vigil.cdshooks.Fixtures.CODEC;
import static org.vigil.cdshooks.Fixtures.bytes;
import static org.vigil.cdshooks.Fixtures.json;
import static org.vigil.cdshooks.Fixtures.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rejection names the element and a stable code, and never repeats a value from the document:
 * the values used below (a patient name, a birth date, a token) must not appear in any message.
 */
class CodecErrorsTest {

    private static final String PATIENT_NAME = "Quintanilla";

    private static CdsHooksException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CdsHooksException.class);
        return (CdsHooksException) thrown;
    }

    private static CdsHooksException decodeRequest(byte[] body) {
        return rejection(() -> CODEC.decodeRequest(body));
    }

    private static String patientView(String context, String prefetch) {
        return "{'hook': 'patient-view', 'hookInstance': 'i-1', 'context': " + context
                + (prefetch == null ? "" : ", 'prefetch': " + prefetch) + "}";
    }

    private static final String PATIENT_VIEW_CONTEXT = "{'userId': 'Practitioner/1', 'patientId': 'p-1'}";

    @Test
    void malformedJson() {
        CdsHooksException error = decodeRequest(bytes("{\"hook\": \"patient-view\", \"secret\": " + PATIENT_NAME));

        assertThat(error.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(error.code().httpStatus()).isEqualTo(400);
        assertThat(error.getMessage()).contains("not valid JSON").doesNotContain(PATIENT_NAME);
    }

    @Test
    void emptyBodyAndTrailingGarbageAndDuplicateKeysAreMalformed() {
        assertThat(decodeRequest(new byte[0]).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(decodeRequest(bytes("{} {}")).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
        assertThat(decodeRequest(json("{'hook': 'a', 'hook': 'b'}")).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void bodyThatIsNotAnObject() {
        CdsHooksException error = decodeRequest(bytes("[1, 2]"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.getMessage()).contains("must be a JSON object");
    }

    @ParameterizedTest
    @CsvSource({"hook", "hookInstance", "context"})
    void missingRequiredTopLevelField(String field) {
        String body = "{'hook': 'patient-view', 'hookInstance': 'i-1', 'context': " + PATIENT_VIEW_CONTEXT + "}";
        ObjectNode tree = (ObjectNode) tree(json(body));
        tree.remove(field);

        CdsHooksException error = decodeRequest(bytes(tree.toString()));

        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.getMessage()).isEqualTo(field + ": is required");
    }

    @Test
    void contextOfTheWrongType() {
        CdsHooksException error = decodeRequest(json("{'hook': 'patient-view', 'hookInstance': 'i-1', 'context': []}"));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("context");
        assertThat(error.getMessage()).contains("must be an object (was an array)");
    }

    @Test
    void missingRequiredContextFieldOfAKnownHook() {
        CdsHooksException error = decodeRequest(json(patientView("{'userId': 'Practitioner/1'}", null)));

        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.field()).isEqualTo("context.patientId");
    }

    @Test
    void draftOrdersThatIsNotABundle() {
        CdsHooksException error = decodeRequest(json("""
                {'hook': 'order-sign', 'hookInstance': 'i-1',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'draftOrders': {'resourceType': 'MedicationRequest', 'id': 'm1', 'status': 'draft',
                     'intent': 'order', 'subject': {'reference': 'Patient/p-1'}, 'note': [{'text': 'Quintanilla'}]}}}
                """));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("context.draftOrders");
        assertThat(error.getMessage())
                .contains("must be a FHIR Bundle resource (was a FHIR MedicationRequest resource)")
                .doesNotContain(PATIENT_NAME);
    }

    @Test
    void draftOrdersAsABareArrayIsOnlyAcceptedForTheDeprecatedHook() {
        CdsHooksException error = decodeRequest(json("""
                {'hook': 'order-sign', 'hookInstance': 'i-1',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'draftOrders': [{'resourceType': 'MedicationRequest', 'id': 'm1'}]}}
                """));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("context.draftOrders");
        assertThat(error.getMessage()).contains("(was an array)");
    }

    @Test
    void unknownFhirElement() {
        CdsHooksException error = decodeRequest(json(patientView(
                PATIENT_VIEW_CONTEXT,
                "{'patient': {'resourceType': 'Patient', 'name': [{'family': '" + PATIENT_NAME + "'}],"
                        + " 'favouriteColour': 'teal'}}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("prefetch.patient");
        assertThat(error.getMessage())
                .contains("unknown element 'favouriteColour'")
                .doesNotContain(PATIENT_NAME)
                .doesNotContain("teal");
    }

    @Test
    void invalidFhirDate() {
        CdsHooksException error = decodeRequest(json(patientView(
                PATIENT_VIEW_CONTEXT,
                "{'patient': {'resourceType': 'Patient', 'name': [{'family': '" + PATIENT_NAME + "'}],"
                        + " 'birthDate': '1925-13-45'}}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("prefetch.patient");
        assertThat(error.getMessage())
                .contains("invalid value")
                .doesNotContain("1925-13-45")
                .doesNotContain(PATIENT_NAME);
    }

    @Test
    void wrongJsonTypeInsideAResource() {
        CdsHooksException error = decodeRequest(json(patientView(
                PATIENT_VIEW_CONTEXT,
                "{'patient': {'resourceType': 'Patient', 'active': 'yes-" + PATIENT_NAME + "'}}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.getMessage()).doesNotContain(PATIENT_NAME);
    }

    @Test
    void invalidFhirInsideTheDraftOrdersBundle() {
        CdsHooksException error = decodeRequest(json("""
                {'hook': 'order-sign', 'hookInstance': 'i-1',
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1',
                   'draftOrders': {'resourceType': 'Bundle', 'type': 'collection',
                     'entry': [{'resource': {'resourceType': 'MedicationRequest', 'status': 'drafty'}}]}}}
                """));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("context.draftOrders");
        assertThat(error.getMessage()).doesNotContain("drafty");
    }

    @Test
    void unknownResourceType() {
        CdsHooksException error =
                decodeRequest(json(patientView(PATIENT_VIEW_CONTEXT, "{'patient': {'resourceType': 'Quintanilla'}}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("prefetch.patient");
        assertThat(error.getMessage()).contains("not a FHIR R4 resource").doesNotContain(PATIENT_NAME);
    }

    @Test
    void prefetchValueThatIsNeitherAResourceNorNull() {
        CdsHooksException error =
                decodeRequest(json(patientView(PATIENT_VIEW_CONTEXT, "{'user': '" + PATIENT_NAME + "'}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("prefetch.user");
        assertThat(error.getMessage()).contains("(was a string)").doesNotContain(PATIENT_NAME);
    }

    @Test
    void prefetchObjectWithoutResourceType() {
        CdsHooksException error = decodeRequest(json(patientView(PATIENT_VIEW_CONTEXT, "{'patient': {'id': 'x'}}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("prefetch.patient");
    }

    @Test
    void fhirAuthorizationRequiresFhirServer() {
        CdsHooksException error = decodeRequest(json("""
                {'hook': 'patient-view', 'hookInstance': 'i-1',
                 'fhirAuthorization': {'access_token': 'tok-Quintanilla', 'token_type': 'Bearer', 'expires_in': 300,
                   'scope': 'user/Patient.read', 'subject': 'vigil'},
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1'}}
                """));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("fhirServer");
        assertThat(error.getMessage()).doesNotContain("tok-" + PATIENT_NAME);
    }

    @Test
    void fhirAuthorizationFieldsAreChecked() {
        CdsHooksException missingScope = decodeRequest(json("""
                {'hook': 'patient-view', 'hookInstance': 'i-1', 'fhirServer': 'https://ehr.example.org/fhir',
                 'fhirAuthorization': {'access_token': 't', 'token_type': 'Bearer', 'expires_in': 300,
                   'subject': 'vigil'},
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1'}}
                """));
        CdsHooksException textExpiry = decodeRequest(json("""
                {'hook': 'patient-view', 'hookInstance': 'i-1', 'fhirServer': 'https://ehr.example.org/fhir',
                 'fhirAuthorization': {'access_token': 't', 'token_type': 'Bearer', 'expires_in': '300',
                   'scope': 's', 'subject': 'vigil'},
                 'context': {'userId': 'Practitioner/1', 'patientId': 'p-1'}}
                """));

        assertThat(missingScope.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(missingScope.field()).isEqualTo("fhirAuthorization.scope");
        assertThat(textExpiry.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(textExpiry.field()).isEqualTo("fhirAuthorization.expires_in");
    }

    @Test
    void summaryOf140CharactersIsRejectedWhileDecoding() {
        String summary = "x".repeat(140);
        CdsHooksException error = rejection(() -> CODEC.decodeResponse(json(
                "{'cards': [{'summary': '" + summary + "', 'indicator': 'info', 'source': {'label': 'Vigil'}}]}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("cards[0].summary");
        assertThat(error.getMessage()).contains("shorter than 140").doesNotContain(summary);
    }

    @Test
    void suggestionsWithoutSelectionBehaviorAreRejectedWhileDecoding() {
        CdsHooksException error = rejection(() -> CODEC.decodeResponse(json("""
                        {'cards': [{'summary': 'ok', 'indicator': 'info', 'source': {'label': 'Vigil'}},
                          {'summary': 'Stop it', 'indicator': 'warning', 'source': {'label': 'Vigil'},
                           'suggestions': [{'label': 'Stop',
                             'actions': [{'type': 'delete', 'description': 'Remove', 'resourceId': 'X/1'}]}]}]}
                        """)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("cards[1].selectionBehavior");
    }

    @Test
    void overrideReasonWithoutDisplayIsRejectedWhileDecoding() {
        CdsHooksException error = rejection(() -> CODEC.decodeResponse(json("""
                        {'cards': [{'summary': 'ok', 'indicator': 'info', 'source': {'label': 'Vigil'},
                          'overrideReasons': [{'system': 'http://example.org/r', 'code': 'a', 'display': 'A'},
                                              {'system': 'http://example.org/r', 'code': 'b'}]}]}
                        """)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("cards[0].overrideReasons[1].display");
    }

    @Test
    void appContextOnAnAbsoluteLinkIsRejectedWhileDecoding() {
        CdsHooksException error = rejection(() -> CODEC.decodeResponse(json("""
                        {'cards': [{'summary': 'ok', 'indicator': 'info', 'source': {'label': 'Vigil'},
                          'links': [{'label': 'Docs', 'url': 'https://example.org', 'type': 'absolute',
                                     'appContext': 'session-9'}]}]}
                        """)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("cards[0].links[0].appContext");
    }

    @Test
    void unknownIndicatorAndCreateWithoutResource() {
        CdsHooksException indicator = rejection(() -> CODEC.decodeResponse(
                json("{'cards': [{'summary': 'ok', 'indicator': 'hard-stop', 'source': {'label': 'Vigil'}}]}")));
        CdsHooksException create = rejection(() -> CODEC.decodeResponse(
                json("{'cards': [], 'systemActions': [{'type': 'create', 'description': 'Make it'}]}")));

        assertThat(indicator.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(indicator.field()).isEqualTo("cards[0].indicator");
        assertThat(indicator.getMessage()).contains("info, warning, critical").doesNotContain("hard-stop");
        assertThat(create.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(create.field()).isEqualTo("systemActions[0].resource");
    }

    @Test
    void invalidFhirInAnActionNamesTheActionPath() {
        CdsHooksException error = rejection(() -> CODEC.decodeResponse(json("""
                        {'cards': [{'summary': 'ok', 'indicator': 'info', 'source': {'label': 'Vigil'},
                          'selectionBehavior': 'any',
                          'suggestions': [{'label': 'Do', 'actions': [{'type': 'create', 'description': 'Make',
                            'resource': {'resourceType': 'MedicationRequest', 'colour': 'Quintanilla'}}]}]}]}
                        """)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FHIR);
        assertThat(error.field()).isEqualTo("cards[0].suggestions[0].actions[0].resource");
        assertThat(error.getMessage()).doesNotContain(PATIENT_NAME);
    }

    @Test
    void feedbackWithABadOutcomeNamesTheIndex() {
        CdsHooksException error = rejection(() -> CODEC.decodeFeedback(json("""
                        {'feedback': [
                          {'card': 'c1', 'outcome': 'overridden', 'outcomeTimestamp': '2020-12-11T00:00:00Z'},
                          {'card': 'c2', 'outcome': 'ignored', 'outcomeTimestamp': '2020-12-11T00:00:00Z'}]}
                        """)));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("feedback[1].outcome");
        assertThat(error.getMessage()).contains("accepted, overridden").doesNotContain("ignored");
    }

    @Test
    void feedbackWithoutTimestampNamesTheIndex() {
        CdsHooksException error =
                rejection(() -> CODEC.decodeFeedback(json("{'feedback': [{'card': 'c1', 'outcome': 'overridden'}]}")));

        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.field()).isEqualTo("feedback[0].outcomeTimestamp");
    }

    @Test
    void feedbackWithAnUnparseableTimestampOrAcceptedWithoutSuggestions() {
        CdsHooksException timestamp = rejection(() -> CODEC.decodeFeedback(
                json("{'feedback': [{'card': 'c1', 'outcome': 'overridden', 'outcomeTimestamp': 'yesterday'}]}")));
        CdsHooksException accepted = rejection(() -> CODEC.decodeFeedback(json(
                "{'feedback': [{'card': 'c1', 'outcome': 'accepted', 'outcomeTimestamp': '2020-12-11T00:00:00Z'}]}")));

        assertThat(timestamp.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(timestamp.field()).isEqualTo("feedback[0].outcomeTimestamp");
        assertThat(timestamp.getMessage()).doesNotContain("yesterday");
        assertThat(accepted.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(accepted.field()).isEqualTo("feedback[0].acceptedSuggestions");
    }

    @Test
    void feedbackArrayIsRequired() {
        CdsHooksException error = rejection(() -> CODEC.decodeFeedback(json("{'items': []}")));

        assertThat(error.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(error.field()).isEqualTo("feedback");
    }

    @Test
    void discoveryPrefetchTemplatesMustBeStrings() {
        CdsHooksException error = rejection(() -> CODEC.decodeDiscovery(
                json("{'services': [{'hook': 'patient-view', 'description': 'd', 'id': 'x', 'prefetch': {'p': 1}}]}")));

        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(error.field()).isEqualTo("services[0].prefetch.p");
    }

    @Test
    void errorCodesHaveStableCodesAndStatuses() {
        assertThat(ErrorCode.MALFORMED_JSON.code()).isEqualTo("malformed-json");
        assertThat(ErrorCode.INVALID_FHIR.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.PREFETCH_UNAVAILABLE.httpStatus()).isEqualTo(412);
        assertThat(ErrorCode.INVALID_RESPONSE.httpStatus()).isEqualTo(500);
    }
}
