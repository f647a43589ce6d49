package org.vigil.service.hooks;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.vigil.service.support.Requests;
import org.vigil.service.support.VigilServerTest;

/** The load test's bare decode-only endpoint exists only when asked for. */
class BenchmarkRouteIT extends VigilServerTest {

    private static final String DECODE_ONLY = "/benchmark/decode-only";

    @Test
    void isAbsentByDefault() {
        client.post()
                .uri(DECODE_ONLY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Requests.json("order-sign-simvastatin-clarithromycin.json"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
