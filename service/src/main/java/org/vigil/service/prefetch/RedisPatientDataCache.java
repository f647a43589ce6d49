package org.vigil.service.prefetch;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.service.redis.LazyRedisConnection;
import reactor.core.publisher.Mono;

/**
 * The patient data cache shared by every instance through Redis: one hash per group,
 * {@code vigil:prefetch:<digest>}, a field per query, expiring with the time to live from its
 * first answer. A store write deletes the hash, so every instance sees it gone. While Redis is slow
 * or down, nothing is cached (data is fetched afresh) and the failure is logged without data.
 */
public final class RedisPatientDataCache implements PatientDataCache, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisPatientDataCache.class);
    static final String PREFIX = "vigil:prefetch:";
    static final String GENERATION_PREFIX = "vigil:prefetch-generation:";

    /** Keeps an answer only while the group's generation is the one looked up (atomically). */
    private static final String KEEP_IF_NOT_FORGOTTEN = "local g = redis.call('GET', KEYS[2]) or '0'\n"
            + "if g ~= ARGV[3] then return 0 end\n"
            + "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])\n"
            + "redis.call('PEXPIRE', KEYS[1], ARGV[4], 'NX')\n"
            + "return 1";

    private final LazyRedisConnection connection;
    private final Duration ttl;
    private final Duration timeout;

    public RedisPatientDataCache(String redisUrl, Duration ttl, Duration timeout) {
        this.connection = new LazyRedisConnection(redisUrl, timeout, Clock.systemUTC());
        this.ttl = ttl;
        this.timeout = timeout;
    }

    private Mono<RedisReactiveCommands<String, String>> redis() {
        return connection.commands();
    }

    @Override
    public Mono<Lookup> find(String group, String query) {
        // the generation is read before any data is fetched; both commands go out together
        return redis().flatMap(redis -> Mono.zip(
                                redis.get(GENERATION_PREFIX + group).defaultIfEmpty("0"),
                                redis.hget(PREFIX + group, query)
                                        .map(Optional::of)
                                        .defaultIfEmpty(Optional.empty()))
                        .map(found -> new Lookup(found.getT2().orElse(null), Long.parseLong(found.getT1()))))
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn(
                            "Patient data cache not read ({})", error.getClass().getSimpleName());
                    return Mono.just(new Lookup(null, -1));
                });
    }

    @Override
    public Mono<Void> keep(String group, String query, String answer, long generation) {
        if (ttl.isZero() || ttl.isNegative() || generation < 0) {
            return Mono.empty();
        }
        String[] keys = {PREFIX + group, GENERATION_PREFIX + group};
        return redis().flatMap(redis -> redis.<Long>eval(
                                KEEP_IF_NOT_FORGOTTEN,
                                ScriptOutputType.INTEGER,
                                keys,
                                query,
                                answer,
                                Long.toString(generation),
                                Long.toString(ttl.toMillis()))
                        .then())
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn("Patient data not cached ({})", error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Void> forget(String group) {
        // generation first: an answer fetched before this write can then no longer be kept
        String generation = GENERATION_PREFIX + group;
        return redis().flatMap(redis -> redis.incr(generation)
                        .then(redis.pexpire(generation, generationRetention()))
                        .then(redis.del(PREFIX + group)))
                .timeout(timeout)
                .then()
                .onErrorResume(error -> {
                    log.warn(
                            "Cached patient data not forgotten after a store write; it expires by itself ({})",
                            error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** Longer than any fetch takes; an expired generation reads as 0, which no fetch in flight holds. */
    private long generationRetention() {
        return Math.max(ttl.toMillis() * 2, Duration.ofMinutes(10).toMillis());
    }

    @Override
    public void close() {
        connection.close();
    }
}
