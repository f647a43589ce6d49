package org.vigil.service.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.service.VigilProperties;
import org.vigil.service.support.Requests;

/**
 * The load test's decode-only endpoint: registered only with {@code vigil.benchmark.bare-endpoint=true}
 * (its absence from the running service is {@link BenchmarkRouteIT}), and when it is, it reads and
 * decodes a hook request like a service call and answers no cards.
 */
class BenchmarkRoutesTest {

    private static final String DECODE_ONLY = "/benchmark/decode-only";

    private final CdsHooksCodec codec = new CdsHooksCodec(FhirContext.forR4Cached());
    private final VigilProperties properties =
            new VigilProperties(DataSize.ofKilobytes(64), null, null, null, null, null);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(BenchmarkRoutes.class)
            .withBean(CdsHooksCodec.class, () -> codec)
            .withBean(VigilProperties.class, () -> properties);

    @Test
    void theRouteIsRegisteredOnlyWhenThePropertyIsTrue() {
        contexts.run(context -> assertThat(context).doesNotHaveBean("benchmarkDecodeOnlyRoute"));
        contexts.withPropertyValues("vigil.benchmark.bare-endpoint=false")
                .run(context -> assertThat(context).doesNotHaveBean("benchmarkDecodeOnlyRoute"));
        contexts.withPropertyValues("vigil.benchmark.bare-endpoint=true")
                .run(context -> assertThat(context).hasBean("benchmarkDecodeOnlyRoute"));
    }

    @Test
    void decodesAHookRequestAndAnswersNoCards() {
        client().post()
                .uri(DECODE_ONLY)
                .contentType(MediaType.APPLICATION_JSON)
                // a request that raises a critical card as a service call
                .bodyValue(Requests.json("order-sign-simvastatin-clarithromycin.json"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .json("{\"cards\":[]}", true);
    }

    @Test
    void refusesWhatAHookCallRefuses() {
        client().post()
                .uri(DECODE_ONLY)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        client().post()
                .uri(DECODE_ONLY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"hook\": 12")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
        client().post()
                .uri(DECODE_ONLY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pad\": \"" + "x".repeat(70_000) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    private WebTestClient client() {
        return WebTestClient.bindToRouterFunction(new BenchmarkRoutes().benchmarkDecodeOnlyRoute(codec, properties))
                .build();
    }
}
