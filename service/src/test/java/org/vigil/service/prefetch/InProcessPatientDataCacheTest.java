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

    @Test
    void anAnswerIsReusedWithinTheTimeToLiveAndNotAfter() {
        InProcessPatientDataCache cache = cache(10);
        cache.keep("patient-a", "Patient/a", "{}").block();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.find("patient-a", "Patient/a").block()).isEqualTo("{}");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.find("patient-a", "Patient/a").blockOptional()).isEmpty();
    }

    @Test
    void aStoreWriteForThePatientForgetsOnlyThatPatientsData() {
        InProcessPatientDataCache cache = cache(10);
        cache.keep(PatientDataCache.storeGroup("a"), "Patient/a", "{\"a\":1}").block();
        cache.keep(PatientDataCache.storeGroup("b"), "Patient/b", "{\"b\":1}").block();

        cache.written("a").block();

        assertThat(cache.find(PatientDataCache.storeGroup("a"), "Patient/a").blockOptional())
                .isEmpty();
        assertThat(cache.find(PatientDataCache.storeGroup("b"), "Patient/b").block())
                .isEqualTo("{\"b\":1}");
    }

    @Test
    void whenFullNewPatientsAreNotKeptUntilOldOnesExpire() {
        InProcessPatientDataCache cache = cache(1);
        cache.keep("a", "q", "{}").block();
        cache.keep("b", "q", "{}").block();
        assertThat(cache.find("b", "q").blockOptional()).isEmpty();

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.keep("b", "q", "{}").block();
        assertThat(cache.find("b", "q").block()).isEqualTo("{}");
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        InProcessPatientDataCache cache = new InProcessPatientDataCache(Duration.ZERO, 10, now::get);
        cache.keep("a", "q", "{}").block();
        assertThat(cache.find("a", "q").blockOptional()).isEmpty();
    }
}
