package org.vigil.service.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.support.Requests;
import org.vigil.service.support.VigilServerTest;

/** The CDS Hooks API as an EHR sees it: discovery, a real order-sign check, and every refusal. */
class HookApiIT extends VigilServerTest {

    private static final String ORDER_SIGN = "/cds-services/order-sign-medication-safety";

    @Test
    void discoveryListsTheFourServicesAndTheShippedPacksServicesWithTheirPrefetchTemplates() {
        client.get()
                .uri("/cds-services")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services.length()")
                .isEqualTo(6)
                .jsonPath("$.services[?(@.id == 'order-sign-medication-safety')].hook")
                .isEqualTo("order-sign")
                .jsonPath("$.services[?(@.id == 'order-select-medication-safety')].hook")
                .isEqualTo("order-select")
                .jsonPath("$.services[?(@.id == 'patient-view-alerts')].hook")
                .isEqualTo("patient-view")
                .jsonPath("$.services[?(@.id == 'medication-prescribe-medication-safety')].hook")
                .isEqualTo("medication-prescribe")
                .jsonPath("$.services[?(@.id == 'vigil-sepsis-qsofa')].hook")
                .isEqualTo("patient-view")
                .jsonPath("$.services[?(@.id == 'vigil-news2')].hook")
                .isEqualTo("patient-view")
                .jsonPath("$.services[0].title")
                .isNotEmpty()
                .jsonPath("$.services[0].description")
                .isNotEmpty()
                .jsonPath("$.services[0].prefetch.patient")
                .isEqualTo("Patient/{{context.patientId}}")
                .jsonPath("$.services[0].prefetch.medications")
                .isEqualTo("MedicationRequest?patient={{context.patientId}}&status=active")
                .jsonPath("$.services[0].prefetch.allergies")
                .isEqualTo("AllergyIntolerance?patient={{context.patientId}}&clinical-status=active")
                .jsonPath("$.services[0].prefetch.conditions")
                .exists()
                .jsonPath("$.services[0].prefetch.labs")
                .exists()
                .jsonPath("$.services[0].prefetch.vitals")
                .exists();
    }

    @Test
    void simvastatinWithActiveClarithromycinGetsACriticalCardAPharmacistCanActOn() {
        post(Requests.json("order-sign-simvastatin-clarithromycin.json"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("X-Vigil-Knowledge-Version")
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(1)
                .jsonPath("$.cards[0].uuid")
                .isNotEmpty()
                .jsonPath("$.cards[0].indicator")
                .isEqualTo("critical")
                .jsonPath("$.cards[0].summary")
                .value(
                        String.class,
                        summary -> assertThat(summary)
                                .containsIgnoringCase("simvastatin")
                                .containsIgnoringCase("clarithromycin")
                                .hasSizeLessThan(140))
                .jsonPath("$.cards[0].detail")
                .value(
                        String.class,
                        detail -> assertThat(detail)
                                .contains("**Mechanism:**", "**Management:**", "**Source:**", "DDI-011")
                                .containsIgnoringCase("CYP3A4")
                                .contains("Phansalkar"))
                .jsonPath("$.cards[0].source.label")
                .isNotEmpty()
                .jsonPath("$.cards[0].selectionBehavior")
                .isEqualTo("at-most-one")
                .jsonPath("$.cards[0].suggestions[0].actions[0].type")
                .isEqualTo("delete")
                .jsonPath("$.cards[0].suggestions[0].actions[0].resourceId")
                .isEqualTo("MedicationRequest/draft-simva")
                .jsonPath("$.cards[0].overrideReasons.length()")
                .value(Integer.class, count -> assertThat(count).isGreaterThanOrEqualTo(2))
                .jsonPath("$.cards[0].overrideReasons[0].display")
                .isNotEmpty()
                .jsonPath("$.cards[0].extension['org.vigil.ruleId']")
                .isEqualTo("DDI-011")
                .jsonPath("$.cards[0].links")
                .doesNotExist()
                .jsonPath("$.systemActions")
                .doesNotExist();
    }

    @Test
    void anUnrecognisedMedicationIsToldToThePrescriberAndCounted() {
        post(Requests.json("order-sign-unrecognised-tonic.json"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards[0].indicator")
                .isEqualTo("info")
                .jsonPath("$.cards[0].summary")
                .value(String.class, summary -> assertThat(summary).startsWith("Not checked"));

        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .containsPattern("vigil_medications_unrecognized_total\\{[^}]*role=\"draft\"[^}]*\\} [1-9]")
                        .containsPattern("vigil_cards_total\\{[^}]*rule=\"MED-001\"[^}]*\\} [1-9]"));
    }

    @Test
    void unknownServiceIs404WithABodyThatSaysSo() {
        client.post()
                .uri("/cds-services/no-such-service")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unknown-service")
                .jsonPath("$.message")
                .value(String.class, message -> assertThat(message).contains("no-such-service"));
    }

    @Test
    void malformedJsonIs400() {
        refusal("{\"hook\": \"order-sign\", ", MediaType.APPLICATION_JSON, 400, "malformed-json");
    }

    @Test
    void missingHookInstanceIs400NamingTheField() {
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replaceFirst("\"hookInstance\"\\s*:\\s*\"[^\"]*\",", "");
        post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("missing-field")
                .jsonPath("$.field")
                .isEqualTo("hookInstance");
    }

    @Test
    void missingDraftOrdersIs400() {
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replace("\"draftOrders\"", "\"somethingElse\"");
        refusal(body, MediaType.APPLICATION_JSON, 400, "missing-field");
    }

    @Test
    void aPatientViewRequestSentToTheOrderSignServiceIs400() {
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replace("\"hook\": \"order-sign\"", "\"hook\": \"patient-view\"");
        refusal(body, MediaType.APPLICATION_JSON, 400, "hook-mismatch");
    }

    @Test
    void invalidFhirInContextIs400WithoutEchoingTheData() {
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replace("\"intent\": \"order\"", "\"intent\": \"order\", \"notAnElement\": \"Jane Q Patient\"");
        post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid-fhir")
                .jsonPath("$.message")
                .value(String.class, message -> assertThat(message).doesNotContain("Jane Q Patient"));
    }

    @Test
    void wrongContentTypeIs415() {
        refusal(
                Requests.json("order-sign-simvastatin-clarithromycin.json"),
                MediaType.TEXT_PLAIN,
                415,
                "unsupported-media-type");
    }

    @Test
    void aBodyOverTheConfiguredLimitIs413() {
        String padding = "x".repeat(70 * 1024);
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replaceFirst("\\{", "{\"extension\": {\"org.example.padding\": \"" + padding + "\"},");
        refusal(body, MediaType.APPLICATION_JSON, 413, "payload-too-large");
    }

    @Test
    void aMissingRequiredPrefetchIs412NamingTheKey() {
        String body = Requests.json("order-sign-simvastatin-clarithromycin.json")
                .replace("\"medications\":", "\"notRequested\":");
        post(body)
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("prefetch-unavailable")
                .jsonPath("$.missingPrefetch[0]")
                .isEqualTo("medications");
    }

    @Test
    void patientViewWithNothingPrefetchedAndNowhereToFetchItIs412RatherThanAnAllClear() {
        String body = """
                {"hook": "patient-view", "hookInstance": "5f0b8f0e-7c3a-4d4a-9d55-0c1f1c5e9a01",
                 "context": {"userId": "Practitioner/1", "patientId": "p1-not-in-the-store"}}
                """;
        client.post()
                .uri("/cds-services/patient-view-alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.missingPrefetch")
                .value(missing -> assertThat(missing.toString()).contains("patient", "labs", "vitals"));
    }

    @Test
    void browsersMayCallFromAnotherOriginAsTheSpecRequires() {
        client.options()
                .uri(ORDER_SIGN)
                .header(HttpHeaders.ORIGIN, "https://ehr.example.org")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                        origin -> assertThat(origin).isIn("*", "https://ehr.example.org"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void everyReturnedCardIsWrittenToTheAlertLog() {
        java.util.concurrent.atomic.AtomicReference<String> cardUuid =
                new java.util.concurrent.atomic.AtomicReference<>();
        client.post()
                .uri("/cds-services/order-sign-medication-safety")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Requests.json("order-sign-amoxicillin-allergy.json"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards[0].uuid")
                .value(String.class, cardUuid::set);
        String uuid = cardUuid.get();

        Map<String, Object> row = awaitAlertRow(uuid);
        assertThat(row)
                .containsEntry("rule_id", "ALG-001")
                .containsEntry("indicator", "critical")
                .containsEntry("service_id", "order-sign-medication-safety")
                .containsEntry("hook", "order-sign")
                .containsEntry("check_name", "allergy")
                .containsEntry("patient_id", "demo-alg-1");
    }

    private Map<String, Object> awaitAlertRow(String cardUuid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = database.sql(
                            "SELECT rule_id, indicator, service_id, hook, check_name, patient_id FROM alert_log"
                                    + " WHERE card_uuid = CAST(:uuid AS uuid)")
                    .bind("uuid", cardUuid)
                    .fetch()
                    .all()
                    .collectList()
                    .block(Duration.ofSeconds(5));
            if (rows != null && !rows.isEmpty()) {
                return rows.get(0);
            }
            sleep();
        }
        throw new AssertionError("card " + cardUuid + " never reached the alert log");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WebTestClient.ResponseSpec post(String body) {
        return client.post()
                .uri(ORDER_SIGN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private void refusal(String body, MediaType type, int status, String error) {
        client.post()
                .uri(ORDER_SIGN)
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.error")
                .isEqualTo(error)
                .jsonPath("$.message")
                .isNotEmpty()
                .jsonPath("$.trace")
                .doesNotExist();
    }
}
