package org.vigil.knowledge.disease;

import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;

/**
 * One row of {@code drug-disease.tsv}: a drug (ingredient or class) that conflicts with a condition.
 *
 * @param drug the ingredient or class the row names
 * @param conditionGroup the condition group id (see {@code condition-groups.tsv})
 * @param severity how serious
 * @param interruptive whether the alert should stop the prescriber (a hard stop) or stay passive
 * @param rationale why, in our words
 * @param management what to do instead or how to monitor
 * @param citation where the fact comes from
 * @param line the table line, for traceability
 */
public record DrugDisease(
        DrugReference drug,
        String conditionGroup,
        DiseaseSeverity severity,
        boolean interruptive,
        String rationale,
        String management,
        Citation citation,
        int line) {

    public DrugDisease {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(conditionGroup, "conditionGroup");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(management, "management");
        Objects.requireNonNull(citation, "citation");
    }
}
