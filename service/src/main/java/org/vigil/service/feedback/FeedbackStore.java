package org.vigil.service.feedback;

import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.feedback.AcceptedSuggestion;
import org.vigil.cdshooks.feedback.Feedback;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CDS Hooks feedback in PostgreSQL. A feedback request is stored in one transaction and
 * acknowledged only once committed; the same card, outcome and timestamp is stored once however
 * often a client repeats it.
 */
public final class FeedbackStore {

    private static final String INSERT = "INSERT INTO card_feedback (received_at, service_id, card_uuid, outcome,"
            + " accepted_suggestions, override_system, override_code, override_display, user_comment,"
            + " outcome_timestamp) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " ON CONFLICT ON CONSTRAINT card_feedback_once DO NOTHING";

    private final DatabaseClient database;

    public FeedbackStore(DatabaseClient database) {
        this.database = database;
    }

    /** Stores the entries; emits how many were new (the rest were repeats). */
    public Mono<Long> store(String serviceId, List<Feedback> entries, Instant receivedAt) {
        return database.inConnection(connection -> Mono.from(connection.beginTransaction())
                .thenMany(Flux.fromIterable(entries).concatMap(entry -> {
                    Statement statement = connection.createStatement(INSERT);
                    bind(statement, serviceId, entry, receivedAt);
                    return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated());
                }))
                .reduce(0L, Long::sum)
                .flatMap(stored -> Mono.from(connection.commitTransaction()).thenReturn(stored))
                .onErrorResume(
                        error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error))));
    }

    private static void bind(Statement statement, String serviceId, Feedback entry, Instant receivedAt) {
        statement.bind(0, receivedAt.atOffset(ZoneOffset.UTC));
        statement.bind(1, serviceId);
        statement.bind(2, entry.card());
        statement.bind(3, entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
        statement.bind(
                4,
                entry.acceptedSuggestions().stream().map(AcceptedSuggestion::id).toArray(String[]::new));
        Coding reason =
                entry.overrideReason() == null ? null : entry.overrideReason().reason();
        bindText(statement, 5, reason == null ? null : reason.system());
        bindText(statement, 6, reason == null ? null : reason.code());
        bindText(statement, 7, reason == null ? null : reason.display());
        bindText(
                statement,
                8,
                entry.overrideReason() == null ? null : entry.overrideReason().userComment());
        statement.bind(9, entry.outcomeTimestamp().atOffset(ZoneOffset.UTC));
    }

    private static void bindText(Statement statement, int index, String value) {
        if (value == null) {
            statement.bindNull(index, String.class);
        } else {
            statement.bind(index, value);
        }
    }
}
