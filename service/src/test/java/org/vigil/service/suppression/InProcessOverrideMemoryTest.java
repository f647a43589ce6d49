package org.vigil.service.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessOverrideMemoryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void anOverrideQuietsTheSameAlertUntilTheWindowEnds() {
        MovableClock clock = new MovableClock(NOW);
        InProcessOverrideMemory memory = new InProcessOverrideMemory(clock, Duration.ofHours(24), 100);
        memory.issued(Map.of("card-1", "key-1")).block();

        assertThat(memory.override(List.of(new OverrideMemory.Reported("card-1", NOW, "Tolerated before")))
                        .block())
                .isEqualTo(1);
        assertThat(memory.overridden(List.of("key-1", "key-2")).block()).containsOnlyKeys("key-1");

        clock.now = NOW.plus(Duration.ofHours(25));
        assertThat(memory.overridden(List.of("key-1")).block()).isEmpty();
    }

    @Test
    void feedbackOnACardItNeverIssuedChangesNothing() {
        InProcessOverrideMemory memory = new InProcessOverrideMemory(new MovableClock(NOW), Duration.ofHours(24), 100);

        assertThat(memory.override(List.of(new OverrideMemory.Reported("unknown", NOW, null)))
                        .block())
                .isZero();
        assertThat(memory.overridden(List.of("key-1")).block()).isEmpty();
    }

    @Test
    void whenFullItSweepsExpiredCardsAndStillRemembersNewOnes() {
        MovableClock clock = new MovableClock(NOW);
        InProcessOverrideMemory memory = new InProcessOverrideMemory(clock, Duration.ofHours(1), 2);
        memory.issued(Map.of("old-1", "k1", "old-2", "k2")).block();
        clock.now = NOW.plus(Duration.ofHours(2));

        memory.issued(Map.of("new", "k3")).block();

        assertThat(memory.override(List.of(new OverrideMemory.Reported("new", clock.now, null)))
                        .block())
                .isEqualTo(1);
    }

    @Test
    void whenFullOfLiveEntriesNewCardsAreNotRememberedSoTheirOverridesDoNotSuppress() {
        MovableClock clock = new MovableClock(NOW);
        InProcessOverrideMemory memory = new InProcessOverrideMemory(clock, Duration.ofHours(24), 2);
        memory.issued(Map.of("c1", "k1", "c2", "k2")).block();

        memory.issued(Map.of("c3", "k3")).block();

        assertThat(memory.override(List.of(new OverrideMemory.Reported("c3", NOW, null)))
                        .block())
                .isZero();
        assertThat(memory.override(List.of(new OverrideMemory.Reported("c1", NOW, null)))
                        .block())
                .as("a card it knows is still recognised")
                .isEqualTo(1);
    }

    @Test
    void aCardIsRememberedForAnHourWhileItsOverrideLastsTheWholeWindow() {
        MovableClock clock = new MovableClock(NOW);
        InProcessOverrideMemory memory = new InProcessOverrideMemory(clock, Duration.ofHours(24), 100);
        memory.issued(Map.of("late", "k1", "prompt", "k2")).block();

        clock.now = NOW.plus(Duration.ofMinutes(5));
        memory.override(List.of(new OverrideMemory.Reported("prompt", clock.now, null)))
                .block();
        clock.now = NOW.plus(Duration.ofMinutes(61));
        assertThat(memory.override(List.of(new OverrideMemory.Reported("late", clock.now, null)))
                        .block())
                .isZero();
        clock.now = NOW.plus(Duration.ofHours(20));
        assertThat(memory.overridden(List.of("k2")).block()).containsOnlyKeys("k2");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
