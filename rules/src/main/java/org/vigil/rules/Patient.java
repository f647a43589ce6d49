package org.vigil.rules;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who the patient is, as far as the checks need: birth date and administrative sex, and the day
 * the age is reckoned on.
 *
 * @param birthDate null when not recorded
 * @param sex FHIR administrative gender ({@code female}, {@code male}, {@code other}, {@code unknown}) or null
 */
public record Patient(String reference, LocalDate birthDate, String sex, LocalDate asOf) {

    public static Patient unknown(LocalDate asOf) {
        return new Patient(null, null, null, asOf);
    }

    /** Age in whole years on {@code asOf}, or -1 when the birth date is not recorded. */
    public int ageInYears() {
        return birthDate == null || asOf == null
                ? -1
                : Period.between(birthDate, asOf).getYears();
    }
}
