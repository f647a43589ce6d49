package org.vigil.knowledge.age;

import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugReference;

/**
 * One row of {@code age-criteria.tsv}: a drug (ingredient or class) that needs attention at an age.
 *
 * @param drug the ingredient or class the row names
 * @param population older adults or children
 * @param minAge the youngest age (years, inclusive) the row applies to, or {@code null} for none
 * @param maxAge the oldest age (years, inclusive) the row applies to, or {@code null} for none
 * @param action what to do
 * @param rationale why, in a sentence a prescriber can act on
 * @param citation where the fact comes from
 * @param line the table line, for traceability
 */
public record AgeCriterion(
        DrugReference drug,
        AgePopulation population,
        Integer minAge,
        Integer maxAge,
        AgeAction action,
        String rationale,
        Citation citation,
        int line) {

    public AgeCriterion {
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(citation, "citation");
    }

    /** Whether a patient of this age (whole years) falls within the row's bounds. */
    public boolean appliesAt(int ageInYears) {
        return (minAge == null || ageInYears >= minAge) && (maxAge == null || ageInYears <= maxAge);
    }
}
