package org.vigil.service.prefetch;

import io.lettuce.core.ExpireArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final long RECONNECT_AFTER_NANOS = Duration.ofSeconds(5).toNanos();

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration ttl;
    private final Duration timeout;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long nextAttempt = System.nanoTime();

    public RedisPatientDataCache(String redisUrl, Duration ttl, Duration timeout) {
        this.uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create();
        this.ttl = ttl;
        this.timeout = timeout;
    }

    private Mono<RedisReactiveCommands<String, String>> redis() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return Mono.just(current.reactive());
        }
        long now = System.nanoTime();
        if (now - nextAttempt < 0) {
            return Mono.error(new IllegalStateException("Redis unreachable"));
        }
        nextAttempt = now + RECONNECT_AFTER_NANOS;
        return Mono.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri))
                .map(made -> {
                    synchronized (this) {
                        if (connection == null) {
                            connection = made;
                        } else if (connection != made) {
                            made.closeAsync();
                        }
                        return connection.reactive();
                    }
                });
    }

    @Override
    public Mono<String> find(String group, String query) {
        return redis().flatMap(redis -> redis.hget(PREFIX + group, query))
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn(
                            "Patient data cache not read ({})", error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Void> keep(String group, String query, String answer) {
        if (ttl.isZero() || ttl.isNegative()) {
            return Mono.empty();
        }
        String key = PREFIX + group;
        return redis().flatMap(redis -> redis.hset(key, query, answer)
                        .then(redis.pexpire(key, ttl.toMillis(), ExpireArgs.Builder.nx())))
                .timeout(timeout)
                .then()
                .onErrorResume(error -> {
                    log.warn("Patient data not cached ({})", error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Void> forget(String group) {
        return redis().flatMap(redis -> redis.del(PREFIX + group))
                .timeout(timeout)
                .then()
                .onErrorResume(error -> {
                    log.warn(
                            "Cached patient data not forgotten after a store write; it expires by itself ({})",
                            error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
