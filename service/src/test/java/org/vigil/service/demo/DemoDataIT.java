package org.vigil.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.VigilApplication;
import org.vigil.service.support.TestPostgres;

/**
 * The demo patients on an empty store: stored at the first start, found over the FHIR API with
 * recent results, and not stored again at the next start.
 */
class DemoDataIT {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void demoPatientsAreStoredOnceOnAnEmptyStore() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestPostgres.freshDatabase()
                .map(TestPostgres.FreshDatabase::properties)
                .orElse(TestPostgres.standaloneProperties()));
        properties.put("server.port", "0");
        properties.put("vigil.demo-data.enabled", "true");

        try (ConfigurableApplicationContext first = start(properties)) {
            WebTestClient client = client(first);
            Patient older = FHIR.newJsonParser().parseResource(Patient.class, get(client, "/fhir/Patient/demo-rsk-7"));
            assertThat(older.getNameFirstRep().getFamily()).isEqualTo("Brennan");
            assertThat(total(client, "/fhir/MedicationRequest?patient=demo-rsk-7&status=active"))
                    .isEqualTo(11);
            assertThat(total(client, "/fhir/AllergyIntolerance?patient=demo-alg-10"))
                    .isEqualTo(1);
            assertThat(total(client, "/fhir/Condition?patient=demo-ren-1&code=http://snomed.info/sct|431857002"))
                    .isEqualTo(1);
            // the INR results are as recent as when the data was written: within the last ten days
            Bundle inr = FHIR.newJsonParser()
                    .parseResource(
                            Bundle.class,
                            get(
                                    client,
                                    "/fhir/Observation?patient=demo-lab-1&code=http://loinc.org|6301-6&_sort=-date"));
            assertThat(inr.getTotal()).isEqualTo(2);
            Observation latest = (Observation) inr.getEntryFirstRep().getResource();
            assertThat(latest.getEffectiveDateTimeType().getValue().toInstant())
                    .isAfter(Instant.now().minus(10, ChronoUnit.DAYS));
            assertThat(latest.getValueQuantity().getValue().doubleValue()).isEqualTo(4.5);
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            WebTestClient client = client(second);
            assertThat(total(client, "/fhir/Patient/demo-ddi-1/_history")).isEqualTo(1);
            assertThat(total(client, "/fhir/MedicationRequest?patient=demo-rsk-7"))
                    .isEqualTo(11);
        }
    }

    private static long total(WebTestClient client, String path) {
        return FHIR.newJsonParser()
                .parseResource(Bundle.class, get(client, path))
                .getTotal();
    }

    private static String get(WebTestClient client, String path) {
        return client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .properties(properties)
                .run();
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
