package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.support.VigilServerTest;

/** The shipped rule pack as an EHR sees it: in discovery, and answering patient-view over HTTP. */
class PackServiceIT extends VigilServerTest {

    private static final String QSOFA = "/cds-services/vigil-sepsis-qsofa";

    @Test
    void discoveryListsTheQsofaPackServiceWithPrefetchFromItsLibrary() {
        client.get()
                .uri("/cds-services")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services[?(@.id == 'vigil-sepsis-qsofa')].hook")
                .isEqualTo("patient-view")
                .jsonPath("$.services[?(@.id == 'vigil-sepsis-qsofa')].title")
                .isEqualTo("qSOFA sepsis risk screen when a chart is opened")
                .jsonPath("$.services[?(@.id == 'vigil-sepsis-qsofa')].prefetch.patient")
                .isEqualTo("Patient/{{context.patientId}}")
                // pack services follow Vigil's own four, in the order of their PlanDefinition files
                .jsonPath("$.services[4].id")
                .isEqualTo("vigil-news2")
                .jsonPath("$.services[5].id")
                .isEqualTo("vigil-sepsis-qsofa")
                .jsonPath("$.services[5].prefetch.observation")
                .value(
                        String.class,
                        template -> assertThat(template)
                                .startsWith("Observation?patient={{context.patientId}}&code=")
                                .contains("http://loinc.org|9279-1", "http://loinc.org|85354-9"));
    }

    @Test
    void septicVitalsGetTheQsofaCardAndNormalVitalsNone() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        call(QsofaRequests.patientView("qsofa-it-1", anHourAgo, 26, 92, 13))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Vigil-Knowledge-Version", "vigil-risk 0.1.0")
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(1)
                .jsonPath("$.cards[0].indicator")
                .isEqualTo("warning")
                .jsonPath("$.cards[0].extension['org.vigil.ruleId']")
                .isEqualTo("pack:vigil-sepsis-qsofa/qsofa")
                .jsonPath("$.cards[0].detail")
                .value(String.class, detail -> assertThat(detail).contains("qSOFA 3 of 3", "26/min", "92 mmHg"))
                .jsonPath("$.cards[0].links[0].url")
                .isEqualTo("https://doi.org/10.1001/jama.2016.0287");

        call(QsofaRequests.patientView("qsofa-it-2", anHourAgo, 16, 128, 15))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cards.length()")
                .isEqualTo(0);
    }

    @Test
    void aCallWithoutTheObservationPrefetchIsRefusedRatherThanAnsweredBlind() {
        String withoutObservations = QsofaRequests.patientView("qsofa-it-3", Instant.now(), 26, 92, 13)
                .replaceFirst("\"observation\": \\{", "\"ignored\": {");
        call(withoutObservations)
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.missingPrefetch[0]")
                .isEqualTo("observation");
    }

    private WebTestClient.ResponseSpec call(String body) {
        return client.post()
                .uri(QSOFA)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
