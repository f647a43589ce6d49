package org.vigil.service.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.service.support.TestRedis;

/**
 * Two instances sharing the patient data cache through a real Redis: what one fetched the other
 * reuses, and a store write on either makes both fetch afresh.
 */
class RedisPatientDataCacheIT {

    private RedisPatientDataCache one;
    private RedisPatientDataCache two;

    @BeforeEach
    void connect() {
        String url = TestRedis.url();
        one = new RedisPatientDataCache(url, Duration.ofMinutes(1), Duration.ofSeconds(2));
        two = new RedisPatientDataCache(url, Duration.ofMinutes(1), Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        if (one != null) {
            one.close();
        }
        if (two != null) {
            two.close();
        }
    }

    /** Looks, then keeps what was "fetched", as a hook call does. */
    private static void fetchAndKeep(PatientDataCache cache, String group, String query, String answer) {
        long generation = cache.find(group, query).block().generation();
        cache.keep(group, query, answer, generation).block();
    }

    private static String cached(PatientDataCache cache, String group, String query) {
        return cache.find(group, query).block().answer();
    }

    @Test
    void whatOneInstanceFetchedTheOtherReusesUntilTheStoreWritesForThatPatient() {
        String patient = "redis-" + UUID.randomUUID();
        String other = "redis-" + UUID.randomUUID();
        String group = PatientDataCache.storeGroup(patient);
        String otherGroup = PatientDataCache.storeGroup(other);
        String query = "MedicationRequest?patient=" + patient + "&status=active";
        fetchAndKeep(one, group, query, "{\"resourceType\":\"Bundle\"}");
        fetchAndKeep(one, otherGroup, "Patient/" + other, "{\"resourceType\":\"Patient\"}");

        assertThat(cached(two, group, query)).isEqualTo("{\"resourceType\":\"Bundle\"}");

        two.written(patient).block();

        assertThat(cached(one, group, query)).isNull();
        assertThat(cached(one, otherGroup, "Patient/" + other))
                .as("another patient's data is kept")
                .isEqualTo("{\"resourceType\":\"Patient\"}");

        fetchAndKeep(one, group, query, "{\"after\":true}");
        assertThat(cached(two, group, query)).as("cached again after the write").isEqualTo("{\"after\":true}");
    }

    @Test
    void dataFetchedWhileAnotherInstanceWroteForThePatientIsNotKept() {
        String patient = "redis-" + UUID.randomUUID();
        String group = PatientDataCache.storeGroup(patient);
        long lookedUp = one.find(group, "Patient/" + patient).block().generation();

        two.written(patient).block(); // lands while instance one fetches the older data
        one.keep(group, "Patient/" + patient, "{\"before\":true}", lookedUp).block();

        assertThat(cached(two, group, "Patient/" + patient)).isNull();
    }

    @Test
    void theCacheKeysCarryNoPatientId() {
        String patient = "redis-" + UUID.randomUUID();
        String group = PatientDataCache.storeGroup(patient);
        assertThat(group).doesNotContain(patient).hasSize(64);
        assertThat(PatientDataCache.serverGroup("https://ehr.example.org/fhir", "token-1", patient))
                .isNotEqualTo(PatientDataCache.serverGroup("https://ehr.example.org/fhir", "token-2", patient))
                .doesNotContain("token-1");
    }

    @Test
    void withRedisUnreachableNothingIsCachedAndNothingFails() {
        RedisPatientDataCache down =
                new RedisPatientDataCache("redis://127.0.0.1:1", Duration.ofMinutes(1), Duration.ofMillis(200));
        try {
            PatientDataCache.Lookup lookup = down.find("g", "Patient/1").block();
            assertThat(lookup.answer()).isNull();
            assertThat(lookup.generation())
                    .as("nothing fetched now will be kept")
                    .isNegative();
            down.keep("g", "Patient/1", "{}", lookup.generation()).block();
            down.forget("g").block();
        } finally {
            down.close();
        }
    }
}
