package org.vigil.knowledge.monitoring;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.lab.Analyte;

/**
 * One row of {@code monitoring.tsv}: a lab test the source asks for while a patient takes the drug.
 * The monitoring check compares it with the patient's results and, when one is due, suggests ordering
 * the test by its {@link #loinc()} (a ServiceRequest).
 *
 * @param id stable row id, e.g. {@code MON-001}
 * @param drug the table's drug reference: an ingredient RxCUI or {@code class:<id>}
 * @param drugName display name of the ingredient or class
 * @param analyte the catalog analyte the test reports, or {@code null} for a test the lab catalog
 *     does not know yet (then only its LOINC code identifies results)
 * @param loinc LOINC code of the test to order (check digit verified at load)
 * @param testName display name of the test for the order
 * @param baseline whether the source asks for a result before the first dose
 * @param firstCheck when, after starting (or changing the dose), the source asks for the first
 *     result on therapy; {@code null} when it does not say
 * @param interval the longest time the source allows between results during maintenance;
 *     {@code null} when it only says "periodically" or "regularly"
 * @param schedule the source's schedule in our words, for the card
 * @param rationale why the test matters, in our words
 * @param citation the source
 */
public record MonitoringRequirement(
        String id,
        String drug,
        String drugName,
        Analyte analyte,
        String loinc,
        String testName,
        boolean baseline,
        Period firstCheck,
        Period interval,
        String schedule,
        String rationale,
        Citation citation) {

    public MonitoringRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(drugName, "drugName");
        Objects.requireNonNull(loinc, "loinc");
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(citation, "citation");
    }

    /** The catalog analyte, when the test is one the lab catalog knows. */
    public Optional<Analyte> catalogAnalyte() {
        return Optional.ofNullable(analyte);
    }

    public Optional<Period> firstCheckWithin() {
        return Optional.ofNullable(firstCheck);
    }

    public Optional<Period> maintenanceInterval() {
        return Optional.ofNullable(interval);
    }

    /** True when the source gives neither a baseline, a first check nor an interval, only "monitor". */
    public boolean periodicOnly() {
        return !baseline && firstCheck == null && interval == null;
    }
}
