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

    @Test
    void whatOneInstanceFetchedTheOtherReusesUntilTheStoreWritesForThatPatient() {
        String patient = "redis-" + UUID.randomUUID();
        String other = "redis-" + UUID.randomUUID();
        String group = PatientDataCache.storeGroup(patient);
        String otherGroup = PatientDataCache.storeGroup(other);
        String query = "MedicationRequest?patient=" + patient + "&status=active";
        one.keep(group, query, "{\"resourceType\":\"Bundle\"}").block();
        one.keep(otherGroup, "Patient/" + other, "{\"resourceType\":\"Patient\"}")
                .block();

        assertThat(two.find(group, query).block()).isEqualTo("{\"resourceType\":\"Bundle\"}");

        two.written(patient).block();

        assertThat(one.find(group, query).blockOptional()).isEmpty();
        assertThat(one.find(otherGroup, "Patient/" + other).block())
                .as("another patient's data is kept")
                .isEqualTo("{\"resourceType\":\"Patient\"}");
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
            down.keep("g", "Patient/1", "{}").block();
            assertThat(down.find("g", "Patient/1").blockOptional()).isEmpty();
            down.forget("g").block();
        } finally {
            down.close();
        }
    }
}
