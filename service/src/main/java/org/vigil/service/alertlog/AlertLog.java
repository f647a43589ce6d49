package org.vigil.service.alertlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The alert log in PostgreSQL, written off the request path: the pipeline enqueues entries into a
 * bounded buffer and returns; a background flush writes them in batches. When the buffer is full
 * (the database down for long) new entries are dropped and counted, never blocking a hook call.
 */
public final class AlertLog implements AlertSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertLog.class);

    /**
     * One statement per batch: the rows travel as one array per column and PostgreSQL unnests them,
     * so a batch costs the server one insert, not one per card.
     */
    private static final String INSERT = "INSERT INTO alert_log (logged_at, service_id, hook, hook_instance, card_uuid,"
            + " rule_id, check_name, indicator, interruptive, patient_id, knowledge_version)"
            + " SELECT * FROM unnest($1::text[]::timestamptz[], $2::text[], $3::text[], $4::text[],"
            + " $5::text[]::uuid[], $6::text[], $7::text[], $8::text[], $9::bool[], $10::text[], $11::text[])";

    private final DatabaseClient database;
    private final BlockingQueue<AlertEntry> buffer;
    private final int batchSize;
    private final Counter written;
    private final Counter dropped;
    private final Disposable flusher;

    public AlertLog(
            DatabaseClient database, int batchSize, int capacity, Duration flushInterval, MeterRegistry meters) {
        this.database = database;
        this.batchSize = batchSize;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.written = Counter.builder("vigil.alert.log.written").register(meters);
        this.dropped = Counter.builder("vigil.alert.log.dropped").register(meters);
        meters.gauge("vigil.alert.log.buffered", buffer, BlockingQueue::size);
        this.flusher = Flux.interval(flushInterval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> flush(), 1)
                .subscribe();
    }

    @Override
    public void record(List<AlertEntry> entries) {
        for (AlertEntry entry : entries) {
            if (!buffer.offer(entry)) {
                dropped.increment();
            }
        }
    }

    /** Writes everything buffered now; completes when it is in the database. */
    public Mono<Void> flush() {
        return Flux.defer(() -> {
                    List<AlertEntry> batch = new java.util.ArrayList<>(batchSize);
                    buffer.drainTo(batch, batchSize);
                    return batch.isEmpty() ? Flux.empty() : Flux.just(batch);
                })
                .repeat(() -> !buffer.isEmpty())
                .concatMap(this::write)
                .then()
                .onErrorResume(error -> {
                    log.warn(
                            "Alert log flush stopped early: {}",
                            error.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private Mono<Void> write(List<AlertEntry> batch) {
        return database.inConnection(connection -> {
                    int size = batch.size();
                    String[] loggedAt = new String[size];
                    String[] serviceId = new String[size];
                    String[] hook = new String[size];
                    String[] hookInstance = new String[size];
                    String[] cardUuid = new String[size];
                    String[] ruleId = new String[size];
                    String[] check = new String[size];
                    String[] indicator = new String[size];
                    Boolean[] interruptive = new Boolean[size];
                    String[] patientId = new String[size];
                    String[] knowledgeVersion = new String[size];
                    for (int i = 0; i < size; i++) {
                        AlertEntry entry = batch.get(i);
                        loggedAt[i] = entry.loggedAt().atOffset(ZoneOffset.UTC).toString();
                        serviceId[i] = entry.serviceId();
                        hook[i] = entry.hook();
                        hookInstance[i] = entry.hookInstance();
                        cardUuid[i] = entry.cardUuid().toString();
                        ruleId[i] = entry.ruleId();
                        check[i] = entry.check();
                        indicator[i] = entry.indicator();
                        interruptive[i] = entry.interruptive();
                        patientId[i] = entry.patientId();
                        knowledgeVersion[i] = entry.knowledgeVersion();
                    }
                    Statement statement = connection
                            .createStatement(INSERT)
                            .bind(0, loggedAt)
                            .bind(1, serviceId)
                            .bind(2, hook)
                            .bind(3, hookInstance)
                            .bind(4, cardUuid)
                            .bind(5, ruleId)
                            .bind(6, check)
                            .bind(7, indicator)
                            .bind(8, interruptive)
                            .bind(9, patientId)
                            .bind(10, knowledgeVersion);
                    return Flux.from(statement.execute())
                            .flatMap(result -> result.getRowsUpdated())
                            .then();
                })
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
                .doOnSuccess(done -> written.increment(batch.size()))
                .onErrorResume(error -> {
                    // The rows go back to the buffer (if it has room) and are tried on the next flush.
                    int requeued = 0;
                    for (AlertEntry entry : batch) {
                        if (buffer.offer(entry)) {
                            requeued++;
                        } else {
                            dropped.increment();
                        }
                    }
                    log.warn(
                            "Alert log write failed ({}); {} rows kept for retry",
                            error.getClass().getSimpleName(),
                            requeued);
                    return Mono.error(error);
                });
    }

    @Override
    public void close() {
        flusher.dispose();
        flush().block(Duration.ofSeconds(10));
    }
}
