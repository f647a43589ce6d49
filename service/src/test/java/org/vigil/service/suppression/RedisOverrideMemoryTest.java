package org.vigil.service.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safe side when the shared memory is unreachable: nothing is suppressed, nothing fails. */
class RedisOverrideMemoryTest {

    @Test
    void whenRedisCannotBeReachedAlertsAreShownInFull() {
        try (RedisOverrideMemory unreachable = new RedisOverrideMemory(
                "redis://127.0.0.1:1", Clock.systemUTC(), Duration.ofHours(24), Duration.ofMillis(200))) {
            assertThat(unreachable.overridden(List.of("k")).block()).isEmpty();
            assertThat(unreachable.overridden(List.of("k")).block())
                    .as("asked again before the reconnect pause ends")
                    .isEmpty();
        }
    }

    @Test
    void anOverrideIsRememberedWithItsTimeAndReason() {
        OverrideMemory.PastOverride override =
                new OverrideMemory.PastOverride(Instant.parse("2026-11-22T08:30:00Z"), "Tolerated before | twice");

        assertThat(RedisOverrideMemory.decode(RedisOverrideMemory.encode(override)))
                .isEqualTo(override);
        assertThat(RedisOverrideMemory.decode(
                                RedisOverrideMemory.encode(new OverrideMemory.PastOverride(override.at(), null)))
                        .reason())
                .isNull();
    }
}
