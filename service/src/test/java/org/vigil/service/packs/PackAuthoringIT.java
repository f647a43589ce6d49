package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.support.VigilServerTest;

/**
 * Rule pack authoring over HTTP: a good pack is served at once and answers hooks, a newer version
 * replaces it, and a pack whose CQL does not translate is refused with its errors and lines while
 * what was served keeps serving.
 */
class PackAuthoringIT extends VigilServerTest {

    /** The context is shared with the other ITs: what a test uploads is withdrawn after it. */
    @AfterEach
    void withdrawUploadedPacks() {
        for (String id : List.of("uploaded-pack", "broken-pack")) {
            client.delete().uri("/packs/" + id).exchange();
        }
    }

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private static final String CQL = """
            library Uploaded version '%s'

            using FHIR version '4.0.1'

            include FHIRHelpers version '4.0.1' called FHIRHelpers

            codesystem "SNOMED": 'http://snomed.info/sct'
            code "Diabetes": '44054006' from "SNOMED"

            context Patient

            define "Has Diabetes": exists [Condition: "Diabetes"]
            """;

    private static final String BROKEN_CQL = """
            library Uploaded version '9.9.9'

            using FHIR version '4.0.1'

            context Patient

            define "Has Diabetes": exists [Condition] C where C.nonsense = 1

            define "Count": Count("Nowhere")
            """;

    @Test
    void anUploadedPackIsInDiscoveryAtOnceAnswersAHookAndANewVersionReplacesIt() {
        upload(bundle("uploaded-pack", CQL.formatted("1.0.0"), "Diabetes review"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("uploaded-pack")
                .jsonPath("$.version")
                .isEqualTo("1.0.0")
                .jsonPath("$.services[0]")
                .isEqualTo("uploaded-service");

        client.get()
                .uri("/cds-services")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services[?(@.id == 'uploaded-service')].hook")
                .isEqualTo("patient-view")
                .jsonPath("$.services[?(@.id == 'uploaded-service')].prefetch.condition")
                .isEqualTo("Condition?patient={{context.patientId}}&code=http://snomed.info/sct|44054006");

        call("uploaded-service", true)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Vigil-Knowledge-Version", "uploaded-pack 1.0.0")
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(1)
                .jsonPath("$.cards[0].summary")
                .isEqualTo("Diabetes review")
                .jsonPath("$.cards[0].extension['org.vigil.ruleId']")
                .isEqualTo("pack:uploaded-service/review");
        call("uploaded-service", false)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(0);

        upload(bundle("uploaded-pack", CQL.formatted("1.1.0"), "Diabetes review, version 2"))
                .expectStatus()
                .isOk();
        call("uploaded-service", true)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Vigil-Knowledge-Version", "uploaded-pack 1.1.0")
                .expectBody()
                .jsonPath("$.cards[0].summary")
                .isEqualTo("Diabetes review, version 2");

        client.get()
                .uri("/packs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.packs[?(@.id == 'uploaded-pack')].version")
                .isEqualTo("1.1.0")
                .jsonPath("$.packs[?(@.id == 'vigil-risk')].version")
                .isEqualTo("0.1.0")
                .jsonPath("$.packs.length()")
                .isEqualTo(2);

        client.delete().uri("/packs/uploaded-pack").exchange().expectStatus().isNoContent();
        call("uploaded-service", true).expectStatus().isNotFound();
        client.delete().uri("/packs/uploaded-pack").exchange().expectStatus().isNotFound();
    }

    @Test
    void aPackWhoseCqlDoesNotTranslateIsRefusedWithItsLinesAndDiscoveryIsUnchanged() {
        byte[] before = discovery();

        upload(bundle("broken-pack", BROKEN_CQL, "Never served"))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith(FHIR_JSON)
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome")
                .jsonPath("$.issue.length()")
                .isEqualTo(2)
                .jsonPath("$.issue[0].severity")
                .isEqualTo("error")
                .jsonPath("$.issue[0].location[0]")
                .value(String.class, l -> assertThat(l).startsWith("Library Uploaded line 7, column "))
                .jsonPath("$.issue[0].diagnostics")
                .value(String.class, d -> assertThat(d).contains("nonsense"))
                .jsonPath("$.issue[1].diagnostics")
                .value(String.class, d -> assertThat(d).startsWith("Uploaded line 9, column "));

        assertThat(new String(discovery(), StandardCharsets.UTF_8))
                .isEqualTo(new String(before, StandardCharsets.UTF_8))
                .doesNotContain("uploaded-service-broken");
        call("vigil-sepsis-qsofa", false).expectStatus().isEqualTo(412);
    }

    @Test
    void malformedJsonIsABadRequestAndAResourceOtherThanABundleToo() {
        upload("{\"resourceType\": \"Bundle\", \"entry\": [")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.resourceType")
                .isEqualTo("OperationOutcome");
        upload("{\"resourceType\": \"Patient\", \"id\": \"p\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.issue[0].diagnostics")
                .value(String.class, d -> assertThat(d).contains("Bundle", "Patient"));
    }

    private byte[] discovery() {
        return client.get()
                .uri("/cds-services")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec upload(String bundle) {
        return client.post()
                .uri("/packs")
                .contentType(FHIR_JSON)
                .bodyValue(bundle)
                .exchange();
    }

    private WebTestClient.ResponseSpec call(String service, boolean diabetes) {
        String conditions = diabetes ? """
                  {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
                    "resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/up-1"},
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]}}}]}""" : "{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}";
        String json = """
                {"hook": "patient-view", "hookInstance": "0b5a8f1e-5a3e-4c44-9e43-2f6c0a3b9d11",
                 "context": {"userId": "Practitioner/p1", "patientId": "up-1"},
                 "prefetch": {"patient": {"resourceType": "Patient", "id": "up-1"}, "condition": %s}}
                """.formatted(conditions);
        return client.post()
                .uri("/cds-services/" + service)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static String bundle(String id, String cql, String title) {
        String data = Base64.getEncoder().encodeToString(cql.getBytes(StandardCharsets.UTF_8));
        return """
                {"resourceType": "Bundle", "id": "%1$s", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Library", "id": "Uploaded", "url": "http://x.invalid/Library/Uploaded",
                    "status": "active", "content": [{"contentType": "text/cql", "data": "%2$s"}]}},
                  {"resource": {"resourceType": "PlanDefinition", "id": "uploaded-service", "title": "Uploaded pack",
                    "status": "active", "library": ["http://x.invalid/Library/Uploaded"],
                    "action": [{"id": "review", "title": "%3$s", "priority": "routine",
                      "trigger": [{"type": "named-event", "name": "patient-view"}],
                      "condition": [{"kind": "applicability",
                        "expression": {"language": "text/cql.identifier", "expression": "Has Diabetes"}}]}]}}
                ]}
                """.formatted(id, data, title);
    }
}
