package org.vigil.service.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.VigilApplication;
import org.vigil.service.support.TestPostgres;

/**
 * An acknowledged write survives a restart: Vigil is stopped after the write and a new instance on
 * the same database (the same server, or the same embedded data directory, PostgreSQL restarted
 * with it) finds the resource, its history and its search index.
 */
class FhirDurabilityIT {

    @Test
    void aWriteSurvivesARestartOfVigil() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestPostgres.standaloneProperties());
        properties.put("server.port", "0");
        String id = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        String path = "/fhir/Observation/" + id;

        try (ConfigurableApplicationContext first = start(properties)) {
            FhirCalls fhir = calls(first);
            Observation observation = FhirRestIT.creatinine(id, patient);
            assertThat(fhir.put(path, observation).status()).isEqualTo(201);
            observation.setStatus(Observation.ObservationStatus.AMENDED);
            assertThat(fhir.put(path, observation).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            FhirCalls fhir = calls(second);
            Observation stored = fhir.get(path).as(Observation.class);
            assertThat(stored.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
            assertThat(stored.getMeta().getVersionId()).isEqualTo("2");
            assertThat(fhir.get(path + "/_history").bundle().getTotal()).isEqualTo(2);
            Bundle found = fhir.get("/fhir/Observation?patient=" + patient + "&code=http://loinc.org|2160-0")
                    .bundle();
            assertThat(found.getTotal()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(VigilApplication.class)
                .properties(properties)
                .run();
    }

    private static FhirCalls calls(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new FhirCalls(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }
}
