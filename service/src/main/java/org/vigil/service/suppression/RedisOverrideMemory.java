package org.vigil.service.suppression;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.service.redis.LazyRedisConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The override memory shared by every instance through Redis: {@code vigil:alert:card:<uuid>} holds
 * the key a card stands for and {@code vigil:alert:override:<key>} the override, both expiring with
 * the override window. Starting never waits on Redis; while Redis is slow or down, alerts are shown
 * in full (the safe side) and the failure is logged without data.
 */
public final class RedisOverrideMemory implements OverrideMemory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisOverrideMemory.class);
    static final String CARD_PREFIX = "vigil:alert:card:";
    static final String OVERRIDE_PREFIX = "vigil:alert:override:";
    private final LazyRedisConnection connection;
    private final Clock clock;
    private final Duration window;
    private final Duration timeout;

    public RedisOverrideMemory(String redisUrl, Clock clock, Duration window, Duration timeout) {
        this.connection = new LazyRedisConnection(redisUrl, timeout, clock);
        this.clock = clock;
        this.window = window;
        this.timeout = timeout;
    }

    private Mono<RedisReactiveCommands<String, String>> redis() {
        return connection.commands();
    }

    @Override
    public Mono<Map<String, PastOverride>> overridden(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        String[] redisKeys = keys.stream().map(key -> OVERRIDE_PREFIX + key).toArray(String[]::new);
        return redis().flatMap(redis -> redis.mget(redisKeys)
                        .filter(KeyValue::hasValue)
                        .collectMap(kv -> kv.getKey().substring(OVERRIDE_PREFIX.length()), kv -> decode(kv.getValue())))
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn(
                            "Override memory unavailable ({}); alerts shown in full",
                            error.getClass().getSimpleName());
                    return Mono.just(Map.of());
                });
    }

    @Override
    public Mono<Void> issued(Map<String, String> keyByCard) {
        if (keyByCard.isEmpty()) {
            return Mono.empty();
        }
        SetArgs expiry = SetArgs.Builder.px(OverrideMemory.cardRetention(window).toMillis());
        return redis().flatMapMany(redis -> Flux.fromIterable(keyByCard.entrySet())
                        .flatMap(entry -> redis.set(CARD_PREFIX + entry.getKey(), entry.getValue(), expiry)))
                .then()
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn(
                            "Override memory could not remember cards ({})",
                            error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** Fails when Redis is unreachable, so the feedback endpoint can say the override was not shared. */
    @Override
    public Mono<Integer> override(List<Reported> overrides) {
        if (overrides.isEmpty()) {
            return Mono.just(0);
        }
        return redis().flatMap(redis -> Flux.fromIterable(overrides)
                        .concatMap(reported ->
                                redis.get(CARD_PREFIX + reported.card()).flatMap(key -> remember(redis, key, reported)))
                        .reduce(0, Integer::sum))
                .timeout(timeout.multipliedBy(1L + overrides.size()));
    }

    private Mono<Integer> remember(RedisReactiveCommands<String, String> redis, String key, Reported reported) {
        long remaining =
                Duration.between(clock.instant(), reported.at().plus(window)).toMillis();
        if (remaining <= 0) {
            return Mono.just(1);
        }
        return redis.set(
                        OVERRIDE_PREFIX + key,
                        encode(new PastOverride(reported.at(), reported.reason())),
                        SetArgs.Builder.px(remaining))
                .thenReturn(1);
    }

    static String encode(PastOverride override) {
        return override.at().toEpochMilli() + "|" + (override.reason() == null ? "" : override.reason());
    }

    static PastOverride decode(String value) {
        int bar = value.indexOf('|');
        Instant at = Instant.ofEpochMilli(Long.parseLong(value.substring(0, bar)));
        String reason = value.substring(bar + 1);
        return new PastOverride(at, reason.isEmpty() ? null : reason);
    }

    @Override
    public void close() {
        connection.close();
    }

    /** For tests: forgets every remembered card and override. */
    void clear() {
        RedisReactiveCommands<String, String> redis = redis().block();
        List<String> keys = new ArrayList<>();
        keys.addAll(redis.keys(CARD_PREFIX + "*").collectList().block());
        keys.addAll(redis.keys(OVERRIDE_PREFIX + "*").collectList().block());
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new)).block();
        }
    }
}
