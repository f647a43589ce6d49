package org.vigil.service.hooks;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.codec.CdsHooksException;
import org.vigil.cdshooks.response.CdsResponse;
import org.vigil.service.VigilProperties;
import org.vigil.service.pipeline.HookCallRefused;
import org.vigil.service.web.RequestBodies;

/**
 * The ceiling the HTTP load test compares order-sign with (see docs/performance.md and
 * benchmarks/load/run): {@code POST /benchmark/decode-only} reads the body as a hook call does and
 * decodes it with the same codec (CDS Hooks and every FHIR resource through HAPI R4), then answers
 * an empty card list; no normalization, rules, alert policy, alert log or override memory. Present
 * only with {@code vigil.benchmark.bare-endpoint=true}; never enable it in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vigil.benchmark.bare-endpoint", havingValue = "true")
class BenchmarkRoutes {

    @Bean
    RouterFunction<ServerResponse> benchmarkDecodeOnlyRoute(CdsHooksCodec codec, VigilProperties properties) {
        RequestBodies bodies = new RequestBodies(properties.maxRequestSize().toBytes());
        return RouterFunctions.route(
                POST("/benchmark/decode-only"),
                request -> bodies.readJson(request)
                        .map(body -> {
                            try {
                                codec.decodeRequest(body);
                            } catch (CdsHooksException e) {
                                throw new HookCallRefused(
                                        e.code().httpStatus(), e.code().code(), e.getMessage(), e.field(), null);
                            }
                            return codec.encodeResponse(CdsResponse.empty());
                        })
                        .flatMap(encoded -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(encoded))
                        .onErrorResume(HookCallRefused.class, HookHandlers::refused));
    }
}
