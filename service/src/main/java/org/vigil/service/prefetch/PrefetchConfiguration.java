package org.vigil.service.prefetch;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.vigil.service.store.FhirStore;

/**
 * Prefetch completion: the patient data cache is shared through Redis when {@code vigil.redis.url}
 * is set (a store write on one instance is seen by all), in-process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class PrefetchConfiguration {

    @Bean
    PatientDataCache patientDataCache(PrefetchSettings settings, Environment environment) {
        String redisUrl = environment.getProperty("vigil.redis.url");
        if (redisUrl != null && !redisUrl.isBlank()) {
            return new RedisPatientDataCache(redisUrl, settings.cacheTtl(), Duration.ofMillis(250));
        }
        return new InProcessPatientDataCache(settings.cacheTtl(), settings.cacheEntries());
    }

    @Bean
    PrefetchCompletion prefetchCompletion(
            FhirContext fhir, FhirStore store, PatientDataCache cache, PrefetchSettings settings) {
        return new PrefetchCompletion(fhir, store, cache, settings);
    }
}
