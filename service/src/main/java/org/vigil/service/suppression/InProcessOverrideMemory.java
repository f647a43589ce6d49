package org.vigil.service.suppression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The override memory of a single instance, for when no Redis is configured. A card is remembered
 * only until its feedback can be expected ({@link OverrideMemory#CARD_RETENTION}); an override for
 * the override window. Past {@code capacity} entries, expired ones are swept at most once a second
 * and, while still full, new entries are not remembered: their overrides then do not suppress
 * (the safe side), and a busy instance never pays for a sweep on every call.
 */
public final class InProcessOverrideMemory implements OverrideMemory {

    private static final long SWEEP_PAUSE_MILLIS = 1_000;

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Timed<String>> keyByCard = new ConcurrentHashMap<>();
    private final Map<String, Timed<PastOverride>> overrides = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    public InProcessOverrideMemory(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    @Override
    public Mono<Map<String, PastOverride>> overridden(Collection<String> keys) {
        if (overrides.isEmpty()) {
            return Mono.just(Map.of());
        }
        Instant now = clock.instant();
        Map<String, PastOverride> found = new HashMap<>();
        for (String key : keys) {
            Timed<PastOverride> entry = overrides.get(key);
            if (entry != null && entry.expires().isAfter(now)) {
                found.put(key, entry.value());
            }
        }
        return Mono.just(found);
    }

    @Override
    public Mono<Void> issued(Map<String, String> cards) {
        Instant now = clock.instant();
        if (roomFor(cards.size(), now)) {
            Instant expires = now.plus(OverrideMemory.cardRetention(window));
            cards.forEach((card, key) -> keyByCard.put(card, new Timed<>(key, expires)));
        }
        return Mono.empty();
    }

    @Override
    public Mono<Integer> override(List<Reported> reported) {
        Instant now = clock.instant();
        int known = 0;
        for (Reported override : reported) {
            Timed<String> card = keyByCard.get(override.card());
            if (card == null || !card.expires().isAfter(now)) {
                continue;
            }
            known++;
            if (roomFor(1, now)) {
                overrides.put(
                        card.value(),
                        new Timed<>(
                                new PastOverride(override.at(), override.reason()),
                                override.at().plus(window)));
            }
        }
        return Mono.just(known);
    }

    /** Whether {@code more} entries fit, sweeping expired ones first if the last sweep is a second old. */
    private boolean roomFor(int more, Instant now) {
        if (keyByCard.size() + overrides.size() + more <= capacity) {
            return true;
        }
        long next = nextSweep.get();
        if (now.toEpochMilli() >= next && nextSweep.compareAndSet(next, now.toEpochMilli() + SWEEP_PAUSE_MILLIS)) {
            sweep(keyByCard, now);
            sweep(overrides, now);
        }
        return keyByCard.size() + overrides.size() + more <= capacity;
    }

    private static void sweep(Map<String, ? extends Timed<?>> entries, Instant now) {
        for (Iterator<? extends Timed<?>> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().expires().isAfter(now)) {
                it.remove();
            }
        }
    }

    private record Timed<T>(T value, Instant expires) {}
}
