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
import reactor.core.publisher.Mono;

/**
 * The override memory of a single instance, for when no Redis is configured: entries expire after
 * the override window, and past {@code capacity} entries the expired ones are swept and, if still
 * full, new cards are not remembered (their overrides then do not suppress: the safe side).
 */
public final class InProcessOverrideMemory implements OverrideMemory {

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Timed<String>> keyByCard = new ConcurrentHashMap<>();
    private final Map<String, Timed<PastOverride>> overrides = new ConcurrentHashMap<>();

    public InProcessOverrideMemory(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    @Override
    public Mono<Map<String, PastOverride>> overridden(Collection<String> keys) {
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
        Instant expires = clock.instant().plus(window);
        if (keyByCard.size() + cards.size() > capacity) {
            sweep(keyByCard);
        }
        if (keyByCard.size() + cards.size() <= capacity) {
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
            if (overrides.size() >= capacity) {
                sweep(overrides);
            }
            if (overrides.size() < capacity) {
                overrides.put(
                        card.value(),
                        new Timed<>(
                                new PastOverride(override.at(), override.reason()),
                                override.at().plus(window)));
            }
        }
        return Mono.just(known);
    }

    private void sweep(Map<String, ? extends Timed<?>> entries) {
        Instant now = clock.instant();
        for (Iterator<? extends Timed<?>> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().expires().isAfter(now)) {
                it.remove();
            }
        }
    }

    private record Timed<T>(T value, Instant expires) {}
}
