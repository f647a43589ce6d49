package org.vigil.service.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessPatientDataCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private InProcessPatientDataCache cache(int capacity) {
        return new InProcessPatientDataCache(Duration.ofSeconds(60), capacity, now::get);
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
    void anAnswerIsReusedWithinTheTimeToLiveAndNotAfter() {
        InProcessPatientDataCache cache = cache(10);
        fetchAndKeep(cache, "patient-a", "Patient/a", "{}");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cached(cache, "patient-a", "Patient/a")).isEqualTo("{}");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cached(cache, "patient-a", "Patient/a")).isNull();
    }

    @Test
    void aStoreWriteForThePatientForgetsOnlyThatPatientsData() {
        InProcessPatientDataCache cache = cache(10);
        fetchAndKeep(cache, PatientDataCache.storeGroup("a"), "Patient/a", "{\"a\":1}");
        fetchAndKeep(cache, PatientDataCache.storeGroup("b"), "Patient/b", "{\"b\":1}");

        cache.written("a").block();

        assertThat(cached(cache, PatientDataCache.storeGroup("a"), "Patient/a")).isNull();
        assertThat(cached(cache, PatientDataCache.storeGroup("b"), "Patient/b")).isEqualTo("{\"b\":1}");
    }

    @Test
    void dataFetchedWhileTheStoreWroteForThePatientIsNotKept() {
        InProcessPatientDataCache cache = cache(10);
        String group = PatientDataCache.storeGroup("a");
        long lookedUp = cache.find(group, "Patient/a").block().generation();

        cache.written("a").block(); // lands while the (older) data is being fetched
        cache.keep(group, "Patient/a", "{\"before\":true}", lookedUp).block();

        assertThat(cached(cache, group, "Patient/a")).isNull();
    }

    @Test
    void whenFullNewPatientsAreNotKeptUntilOldOnesExpire() {
        InProcessPatientDataCache cache = cache(1);
        fetchAndKeep(cache, "a", "q", "{}");
        fetchAndKeep(cache, "b", "q", "{}");
        assertThat(cached(cache, "b", "q")).isNull();

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        fetchAndKeep(cache, "b", "q", "{}");
        assertThat(cached(cache, "b", "q")).isEqualTo("{}");
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        InProcessPatientDataCache cache = new InProcessPatientDataCache(Duration.ZERO, 10, now::get);
        fetchAndKeep(cache, "a", "q", "{}");
        assertThat(cached(cache, "a", "q")).isNull();
    }
}
