package org.vigil.service.fhir;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.vigil.service.store.FhirStore;

/** The FHIR REST API on the record store, under {@code /fhir}. */
@Configuration(proxyBeanMethods = false)
class FhirRoutes {

    @Bean
    FhirHandlers fhirHandlers(
            FhirStore store, FhirContext fhir, @Value("${vigil.fhir.max-request-size:50MB}") DataSize maxRequestSize) {
        return new FhirHandlers(
                store, new FhirJson(fhir), new FhirBodies(maxRequestSize.toBytes()), Capabilities.of(store.types()));
    }

    @Bean
    RouterFunction<ServerResponse> fhirApi(FhirHandlers handlers) {
        return RouterFunctions.route(GET("/fhir/metadata"), handlers::metadata)
                .andRoute(POST("/fhir"), handlers::bundle)
                .andRoute(GET("/fhir/{type}"), handlers::search)
                .andRoute(POST("/fhir/{type}"), handlers::create)
                .andRoute(GET("/fhir/{type}/{id}/_history"), handlers::history)
                .andRoute(GET("/fhir/{type}/{id}/_history/{vid}"), handlers::vread)
                .andRoute(GET("/fhir/{type}/{id}"), handlers::read)
                .andRoute(PUT("/fhir/{type}/{id}"), handlers::update)
                .andRoute(DELETE("/fhir/{type}/{id}"), handlers::delete);
    }
}
