package org.vigil.service.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.vigil.service.VigilApplication;

/**
 * A running Vigil on a random port over a real PostgreSQL (see {@link TestPostgres}), called over
 * HTTP like an EHR would. Subclasses share one application context.
 */
@SpringBootTest(
        classes = VigilApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vigil.max-request-size=64KB",
            "vigil.alert-log.flush-interval=50ms",
            // one application context for every IT (the embedded PostgreSQL allows one at a time)
            "vigil.packs.authoring-enabled=true",
            // prefetch from a client's FHIR server (a stand-in): short waits, a small size bound
            "vigil.prefetch.timeout=1s",
            "vigil.prefetch.max-bytes=512KB",
            // on an embedded fallback the demo patients would be stored; tests create their own data
            "vigil.demo-data.enabled=false"
        })
public abstract class VigilServerTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestPostgres.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient database;

    protected WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                // the first call warms the rules and HAPI; a slow shared machine must not flake
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
    }
}
