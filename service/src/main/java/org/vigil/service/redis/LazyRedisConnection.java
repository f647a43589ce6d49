package org.vigil.service.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * One Redis connection made on first use, never at start, so a service starts whether or not Redis
 * is up. While Redis cannot be reached, callers get an error at once and a new attempt is made at
 * most every five seconds; the connection, once made, is shared by every caller.
 */
public final class LazyRedisConnection implements AutoCloseable {

    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

    private final RedisClient client;
    private final RedisURI uri;
    private final Clock clock;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile Instant nextAttempt = Instant.MIN;

    public LazyRedisConnection(String redisUrl, Duration timeout, Clock clock) {
        this.uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create();
        this.clock = clock;
    }

    /** The commands, or an error while Redis cannot be reached (tried again after a pause). */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return Mono.just(current.reactive());
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return Mono.error(new IllegalStateException("Redis unreachable"));
        }
        nextAttempt = now.plus(RECONNECT_AFTER);
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
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
