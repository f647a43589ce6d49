package org.vigil.risk;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.vigil.knowledge.risk.RiskKnowledge;
import org.vigil.knowledge.risk.ScoreBand;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Patient;

/**
 * What the patient-view risk flags share: the patient as the card's subject, the window bedside
 * observations must fall in, and scoring a bedside score's parameters from the latest results.
 */
public final class RiskFlags {

    /**
     * Bedside scores describe the patient now: qSOFA and NEWS2 are scored from one set of current
     * observations, and an observation from last week says nothing about today's physiology. The
     * patient carries only the day the request is judged on, so the window is calendar days (UTC):
     * results dated yesterday or today count, that is the last 24 to 48 hours. Older results are
     * named as not recorded, never scored as normal.
     */
    public static final Period WINDOW = Period.ofDays(1);

    private RiskFlags() {}

    /** The patient as the finding's "order": the card is about the patient, not an order. */
    public static MedicationRef patientRef(Patient patient) {
        String reference = patient == null
                        || patient.reference() == null
                        || patient.reference().isBlank()
                ? "Patient/unknown"
                : patient.reference();
        return new MedicationRef(reference, "this patient", OrderState.ACTIVE);
    }

    /** The first day whose results count, or null when the patient has no today. */
    public static LocalDate windowStart(Patient patient) {
        return patient == null || patient.asOf() == null ? null : patient.asOf().minus(WINDOW);
    }

    /** The latest result of an analyte within the window, or null. */
    static LabResult recent(List<LabResult> results, String analyte, Patient patient) {
        LabResult latest = null;
        for (LabResult result : results) {
            if (result.analyte().equals(analyte)
                    && ResultText.within(result, patient.asOf(), WINDOW)
                    && (latest == null || result.effective().isAfter(latest.effective()))) {
                latest = result;
            }
        }
        return latest;
    }

    /**
     * Every parameter of a score, scored from the latest result in the window. A parameter with no
     * recent result, or one no catalog result records, is missing: named, never scored.
     */
    static List<ScoredParameter> score(RiskKnowledge risk, String score, Patient patient, List<LabResult> results) {
        List<ScoredParameter> scored = new ArrayList<>();
        for (String parameter : risk.parameters(score)) {
            List<ScoreBand> bands = risk.bands(score, parameter);
            ScoreBand first = bands.get(0);
            LabResult result = first.analyte() == null ? null : recent(results, first.analyte(), patient);
            if (result == null) {
                int worst = bands.stream().mapToInt(ScoreBand::points).max().orElse(0);
                scored.add(new ScoredParameter(first, null, null, worst));
            } else {
                ScoreBand band = risk.band(score, parameter, result.value()).orElse(null);
                scored.add(new ScoredParameter(first, result, band, worst(bands)));
            }
        }
        return List.copyOf(scored);
    }

    private static int worst(List<ScoreBand> bands) {
        return bands.stream().mapToInt(ScoreBand::points).max().orElse(0);
    }

    /** A value and its unit as a clinician reads a vital sign: {@code 24/min}, {@code 95 mmHg}, {@code 38.4 °C}. */
    static String reading(LabResult result) {
        String number = ResultText.number(result.value(), "Cel".equals(result.unit()) ? 1 : 0);
        return switch (result.unit()) {
            case "/min" -> number + "/min";
            case "mm[Hg]" -> number + " mmHg";
            case "Cel" -> number + " °C";
            case "%" -> number + "%";
            case "{score}", "1" -> "gcs_total".equals(result.analyte()) ? "GCS " + number : number;
            default -> ResultText.quantity(result.value(), result.unit());
        };
    }

    /** {@code 24/min on 2026-11-22}. */
    static String readingAndDate(LabResult result) {
        return reading(result) + " on " + ResultText.date(result.effective());
    }

    /** How a missing parameter reads: {@code no respiratory rate since 2026-11-21}. */
    static String missing(ScoredParameter parameter, Patient patient) {
        if (parameter.first().analyte() == null) {
            return "not recorded: no observation in the record tells whether the patient is on supplemental oxygen";
        }
        LocalDate start = windowStart(patient);
        return "no " + parameter.name().toLowerCase(java.util.Locale.ROOT) + " recorded"
                + (start == null ? "" : " since " + start + " (the last 24-48 h)") + ": not scored";
    }

    /**
     * One parameter of a score.
     *
     * @param first the parameter's first band (its name and analyte)
     * @param result the latest result in the window, or null when missing
     * @param band the band the result lies in, or null (missing, or a qSOFA criterion not met)
     * @param worst the most points the parameter can score
     */
    record ScoredParameter(ScoreBand first, LabResult result, ScoreBand band, int worst) {

        boolean missing() {
            return result == null;
        }

        int points() {
            return band == null ? 0 : band.points();
        }

        String name() {
            return first.parameterName();
        }
    }
}
