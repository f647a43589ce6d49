package org.vigil.service.alertlog;

import java.time.Instant;
import java.util.UUID;

/** One card returned to a CDS client, as the alert log keeps it. */
public record AlertEntry(
        Instant loggedAt,
        String serviceId,
        String hook,
        String hookInstance,
        UUID cardUuid,
        String ruleId,
        String check,
        String indicator,
        boolean interruptive,
        String patientId,
        String knowledgeVersion) {}
