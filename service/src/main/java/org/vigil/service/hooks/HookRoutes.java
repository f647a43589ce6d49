package org.vigil.service.hooks;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.vigil.service.VigilProperties;

/** Routes of the CDS Hooks API, and the CORS policy browser-based CDS clients need. */
@Configuration(proxyBeanMethods = false)
class HookRoutes {

    @Bean
    RouterFunction<ServerResponse> cdsHooksRoutes(HookHandlers handlers) {
        return RouterFunctions.route(GET("/cds-services"), handlers::discovery)
                .andRoute(POST("/cds-services/{id}/feedback"), handlers::feedback)
                .andRoute(POST("/cds-services/{id}"), handlers::call);
    }

    @Bean
    CorsWebFilter cdsHooksCors(VigilProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setExposedHeaders(List.of("X-Vigil-Knowledge-Version"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/cds-services/**", cors);
        source.registerCorsConfiguration("/cds-services", cors);
        return new CorsWebFilter(source);
    }
}
