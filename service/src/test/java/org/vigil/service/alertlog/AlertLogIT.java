package org.vigil.service.alertlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.service.support.VigilServerTest;

/** Every card returned is in the alert log, a whole batch in one statement, unknown patients included. */
class AlertLogIT extends VigilServerTest {

    @Test
    void aBatchIsWrittenWhole() {
        String version = "test-" + UUID.randomUUID();
        List<AlertEntry> entries = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            entries.add(new AlertEntry(
                    Instant.parse("2026-11-22T10:00:00Z").plusMillis(i),
                    "order-sign-medication-safety",
                    "order-sign",
                    "hook-" + i,
                    UUID.randomUUID(),
                    i % 2 == 0 ? "DDI-011" : "RES-001",
                    i % 2 == 0 ? "interaction" : "lab",
                    i % 3 == 0 ? "critical" : "info",
                    i % 3 == 0,
                    i % 5 == 0 ? null : "patient-" + i,
                    version));
        }
        try (AlertLog log = new AlertLog(database, 200, 1_000, Duration.ofHours(1), new SimpleMeterRegistry())) {
            log.record(entries);
            log.flush().block(Duration.ofSeconds(30));
        }

        List<Map<String, Object>> rows = database.sql(
                        "SELECT patient_id, interruptive, logged_at FROM alert_log WHERE knowledge_version = $1")
                .bind(0, version)
                .fetch()
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(rows).hasSize(450);
        assertThat(rows).filteredOn(row -> row.get("patient_id") == null).hasSize(90);
        assertThat(rows)
                .filteredOn(row -> Boolean.TRUE.equals(row.get("interruptive")))
                .hasSize(150);
    }
}
