package org.vigil.service.knowledge;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's link to the knowledge distribution in Redis, when one is configured. Starting
 * never waits on Redis being up: until the link is made the instance runs on the tables it has,
 * and it keeps trying in the background.
 */
public final class KnowledgeDistributionLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDistributionLink.class);

    private final String redisUrl;
    private final KnowledgeHolder holder;
    private final Duration retryEvery;
    private final AtomicReference<KnowledgeDistribution> distribution = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-knowledge-link");
        thread.setDaemon(true);
        return thread;
    });

    public KnowledgeDistributionLink(String redisUrl, KnowledgeHolder holder, Duration retryEvery) {
        this.redisUrl = redisUrl;
        this.holder = holder;
        this.retryEvery = retryEvery;
        retries.execute(this::tryConnect);
    }

    private void tryConnect() {
        try {
            distribution.set(KnowledgeDistribution.connect(redisUrl, holder));
            log.info(
                    "Knowledge distribution linked to Redis; version {} in force",
                    holder.current().version());
        } catch (RuntimeException e) {
            log.warn(
                    "Redis not reachable for knowledge distribution ({}); running on knowledge {}, retrying in {}",
                    e.getClass().getSimpleName(),
                    holder.current().version(),
                    retryEvery);
            retries.schedule(this::tryConnect, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The distribution, once linked. */
    public Optional<KnowledgeDistribution> distribution() {
        return Optional.ofNullable(distribution.get());
    }

    @Override
    public void close() {
        retries.shutdownNow();
        KnowledgeDistribution linked = distribution.getAndSet(null);
        if (linked != null) {
            linked.close();
        }
    }
}
