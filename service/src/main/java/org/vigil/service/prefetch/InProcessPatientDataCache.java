package org.vigil.service.prefetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * The patient data cache of a single instance, for when no Redis is configured. A group lives for
 * the time to live from its first answer (measured on a monotonic clock, so a fixed replay clock
 * does not keep data forever). Past {@code capacity} groups, expired ones are swept at most once
 * a second and, while still full, new answers are simply not kept.
 */
public final class InProcessPatientDataCache implements PatientDataCache {

    private static final long SWEEP_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private record Group(Map<String, String> answers, long expiresAt) {}

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier ticker;
    private final AtomicLong nextSweep;
    /** Counts every forget: one counter for all groups is enough for one instance. */
    private final AtomicLong generation = new AtomicLong();

    public InProcessPatientDataCache(Duration ttl, int capacity) {
        this(ttl, capacity, System::nanoTime);
    }

    InProcessPatientDataCache(Duration ttl, int capacity, LongSupplier ticker) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.ticker = ticker;
        this.nextSweep = new AtomicLong(ticker.getAsLong());
    }

    @Override
    public Mono<Lookup> find(String group, String query) {
        long now = generation.get();
        Group found = groups.get(group);
        if (found == null) {
            return Mono.just(new Lookup(null, now));
        }
        if (found.expiresAt() - ticker.getAsLong() <= 0) {
            groups.remove(group, found);
            return Mono.just(new Lookup(null, now));
        }
        return Mono.just(new Lookup(found.answers().get(query), now));
    }

    @Override
    public Mono<Void> keep(String group, String query, String answer, long lookedUpAt) {
        if (ttlNanos <= 0 || lookedUpAt < 0 || generation.get() != lookedUpAt) {
            return Mono.empty();
        }
        long now = ticker.getAsLong();
        Group existing = groups.get(group);
        if (existing == null || existing.expiresAt() - now <= 0) {
            if (existing == null && !roomForOneMore(now)) {
                return Mono.empty();
            }
            Group fresh = new Group(new ConcurrentHashMap<>(), now + ttlNanos);
            groups.put(group, fresh);
            existing = fresh;
        }
        existing.answers().put(query, answer);
        if (generation.get() != lookedUpAt) {
            // forgotten while it was being kept
            existing.answers().remove(query, answer);
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> forget(String group) {
        generation.incrementAndGet();
        groups.remove(group);
        return Mono.empty();
    }

    private boolean roomForOneMore(long now) {
        if (groups.size() < capacity) {
            return true;
        }
        long sweepAt = nextSweep.get();
        if (now - sweepAt >= 0 && nextSweep.compareAndSet(sweepAt, now + SWEEP_PAUSE_NANOS)) {
            groups.values().removeIf(group -> group.expiresAt() - now <= 0);
        }
        return groups.size() < capacity;
    }
}
