package org.vigil.service;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Vigil's own settings ({@code vigil.*} in application.yaml or environment variables).
 *
 * @param maxRequestSize a hook or feedback body larger than this is refused with 413
 * @param corsAllowedOrigins origins a browser-based CDS client may call from ({@code *} for any)
 * @param alertLog how the alert log batches its writes, off the request path
 * @param embeddedDatabase where the embedded PostgreSQL keeps its data when no server is configured
 * @param alertPolicy how overridden and informational alerts are shown
 * @param packs rule packs (FHIR Clinical Reasoning) served besides the shipped one
 */
@ConfigurationProperties("vigil")
public record VigilProperties(
        DataSize maxRequestSize,
        List<String> corsAllowedOrigins,
        AlertLogSettings alertLog,
        EmbeddedDatabase embeddedDatabase,
        AlertPolicySettings alertPolicy,
        Packs packs) {

    public VigilProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(5) : maxRequestSize;
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of("*") : List.copyOf(corsAllowedOrigins);
        alertLog = alertLog == null ? new AlertLogSettings(0, 0, null) : alertLog;
        embeddedDatabase = embeddedDatabase == null ? new EmbeddedDatabase(null) : embeddedDatabase;
        alertPolicy = alertPolicy == null ? new AlertPolicySettings(null, null) : alertPolicy;
        packs = packs == null ? new Packs(null, false) : packs;
    }

    /**
     * @param directories each a rule pack: a folder of FHIR JSON resources (Library, PlanDefinition,
     *     ValueSet) or a Bundle file; a pack that fails to load is logged and left out
     * @param authoringEnabled whether {@code POST /packs} and {@code GET /packs} are served
     */
    public record Packs(List<String> directories, boolean authoringEnabled) {
        public Packs {
            directories = directories == null ? List.of() : List.copyOf(directories);
        }
    }

    /**
     * @param overrideWindow how long an override keeps the same alert (same prescriber, patient and
     *     drugs) from interrupting again; it is shown for information meanwhile
     * @param hideInformational checks whose non-interruptive informational findings are not shown
     *     at all (e.g. {@code interaction} for the ONC non-interruptive pairs); empty shows them as info
     */
    public record AlertPolicySettings(Duration overrideWindow, List<String> hideInformational) {
        public AlertPolicySettings {
            overrideWindow = overrideWindow == null ? Duration.ofHours(24) : overrideWindow;
            hideInformational = hideInformational == null ? List.of() : List.copyOf(hideInformational);
        }
    }

    /**
     * @param batchSize rows written in one statement at most
     * @param bufferCapacity rows held in memory while the database is slow; beyond it new rows are
     *     dropped and counted
     * @param flushInterval longest time a row waits before it is written
     */
    public record AlertLogSettings(int batchSize, int bufferCapacity, Duration flushInterval) {
        public AlertLogSettings {
            batchSize = batchSize <= 0 ? 200 : batchSize;
            bufferCapacity = bufferCapacity <= 0 ? 100_000 : bufferCapacity;
            flushInterval = flushInterval == null ? Duration.ofMillis(200) : flushInterval;
        }
    }

    /** @param dataDirectory PostgreSQL data directory; kept across restarts */
    public record EmbeddedDatabase(String dataDirectory) {
        public EmbeddedDatabase {
            dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? ".vigil/pgdata" : dataDirectory;
        }
    }
}
