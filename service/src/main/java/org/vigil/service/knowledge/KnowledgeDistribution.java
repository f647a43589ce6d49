package org.vigil.service.knowledge;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.KnowledgeSource;

/**
 * Distributes knowledge versions across Vigil instances through Redis. Publishing validates the
 * tables, stores them under their content-derived version and announces the version on a pub/sub
 * channel; every instance then fetches the tables, builds the snapshot aside and swaps it in. Each
 * instance keeps its own in-memory copy, so a check never waits on Redis, and losing Redis never
 * fails a check: the snapshot in force simply stays.
 */
public final class KnowledgeDistribution implements AutoCloseable {

    static final String CURRENT = "vigil:knowledge:current";
    static final String CHANNEL = "vigil:knowledge:published";
    private static final Logger log = LoggerFactory.getLogger(KnowledgeDistribution.class);
    private static final RedisCodec<String, byte[]> TABLES = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final KnowledgeHolder holder;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-knowledge-loader");
        thread.setDaemon(true);
        return thread;
    });

    private KnowledgeDistribution(RedisClient client, KnowledgeHolder holder) {
        this.client = client;
        this.holder = holder;
        this.connection = client.connect(TABLES);
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String version) {
                if (CHANNEL.equals(channel)) {
                    loader.execute(() -> adopt(version));
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    /**
     * Connects to Redis, subscribes to published versions and adopts the version currently
     * published, if any. Throws when Redis cannot be reached; the caller then runs on the bundled
     * tables alone.
     */
    public static KnowledgeDistribution connect(String redisUrl, KnowledgeHolder holder) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try {
            KnowledgeDistribution distribution = new KnowledgeDistribution(client, holder);
            distribution.currentVersion().ifPresent(distribution::adopt);
            return distribution;
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /**
     * Validates the tables (a version that does not load is never published), stores them and
     * announces the version to every instance, this one included. Returns the version.
     */
    public String publish(KnowledgeSource source) {
        Map<String, byte[]> tables = read(source);
        KnowledgeSnapshot snapshot = KnowledgeSnapshot.load(KnowledgeSource.ofBytes(tables));
        String version = snapshot.version();
        RedisCommands<String, byte[]> redis = connection.sync();
        redis.hset(key(version), tables);
        redis.set(CURRENT, version.getBytes(StandardCharsets.UTF_8));
        redis.publish(CHANNEL, version.getBytes(StandardCharsets.UTF_8));
        log.info("Published knowledge version {}", version);
        return version;
    }

    /** The version published last, if any. */
    public Optional<String> currentVersion() {
        byte[] current = connection.sync().get(CURRENT);
        return current == null ? Optional.empty() : Optional.of(new String(current, StandardCharsets.UTF_8));
    }

    /** Loads a published version aside and swaps it in; any failure leaves the current one in force. */
    void adopt(String version) {
        if (version.equals(holder.current().version())) {
            return;
        }
        try {
            Map<String, byte[]> tables = connection.sync().hgetall(key(version));
            if (tables == null || tables.isEmpty()) {
                log.warn(
                        "Knowledge version {} was announced but its tables are not in Redis; keeping {}",
                        version,
                        holder.current().version());
                return;
            }
            holder.swap(KnowledgeSnapshot.load(KnowledgeSource.ofBytes(tables)));
        } catch (KnowledgeLoadException e) {
            log.error(
                    "Knowledge version {} does not load ({}); keeping {}",
                    version,
                    e.getMessage(),
                    holder.current().version());
        } catch (RuntimeException e) {
            log.warn(
                    "Could not fetch knowledge version {} from Redis ({}); keeping {}",
                    version,
                    e.getClass().getSimpleName(),
                    holder.current().version());
        }
    }

    private static Map<String, byte[]> read(KnowledgeSource source) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String table : KnowledgeSnapshot.TABLES) {
            try {
                tables.put(
                        table,
                        source.read(table)
                                .orElseThrow(() -> new KnowledgeLoadException(
                                        table, 0, "table missing from " + source.describe())));
            } catch (java.io.IOException e) {
                throw new KnowledgeLoadException(table, 0, "cannot read from " + source.describe(), e);
            }
        }
        return tables;
    }

    private static String key(String version) {
        return "vigil:knowledge:version:" + version;
    }

    @Override
    public void close() {
        loader.shutdownNow();
        subscription.close();
        connection.close();
        client.shutdown();
    }
}
