package org.vigil.lab;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.Interpretation;
import org.vigil.knowledge.lab.LabLimits;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RES-001: the latest result of a laboratory analyte lies beyond a critical (panic) limit of the lab
 * table (Kost 1990), and it is recent. One finding per analyte; critical, interruptive.
 *
 * <p>A critical limit is exclusive ({@link LabLimits#classify}): a value equal to it is not critical.
 *
 * <p><b>Lookback: {@value #LOOKBACK_DAYS} days</b>, counted from the start of the day that many days
 * before the patient's today (so 72 to 96 hours). A panic value is news while it may still be unacted
 * on: the laboratory phones it within the hour, and the patient is treated and retested within hours
 * to a day or two, so a critical value days old has been acted on or replaced by a newer result
 * (the normalizer keeps the latest only, so a newer normal one silences it). Three days still covers
 * a weekend: a result on Friday evening is shown when the chart is opened on Monday. Older out-of-range
 * results are listed, without interrupting, by RES-002 ({@link AbnormalResultsFinding}).
 *
 * @param order the result the card is about (its Observation reference, so each analyte is its own
 *     card and its own override); not a medication
 * @param newerUncomparable newer results of the same analyte that could not be compared (unit)
 */
public record CriticalResultFinding(
        MedicationRef order,
        MedicationRef patient,
        Analyte analyte,
        LabResult result,
        LabLimits limits,
        Interpretation interpretation,
        List<UncomparableResult> newerUncomparable)
        implements Finding {

    public static final String RULE_ID = "RES-001";

    static final int LOOKBACK_DAYS = 3;

    /** A critical value older than this is no longer news (see the class comment). */
    public static final Period LOOKBACK = Period.ofDays(LOOKBACK_DAYS);

    public CriticalResultFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(analyte, "analyte");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(interpretation, "interpretation");
        newerUncomparable = newerUncomparable == null ? List.of() : List.copyOf(newerUncomparable);
    }

    /** Whether a result is recent enough to be reported as a panic value. */
    public static boolean recent(LabResult result, Patient patient) {
        return result != null && patient != null && ResultText.within(result, patient.asOf(), LOOKBACK);
    }

    /** Whether an uncomparable result of the same analyte is dated after the result. */
    public static boolean newer(UncomparableResult other, LabResult result) {
        return other != null
                && result != null
                && other.analyte().equals(result.analyte())
                && other.effective() != null
                && result.effective() != null
                && other.effective().isAfter(result.effective());
    }

    /**
     * The finding for a result beyond a critical limit of its laboratory analyte, as a list the rule
     * can iterate: empty when the value is not critical, the analyte has no limits or is a vital sign.
     */
    public static List<CriticalResultFinding> of(
            KnowledgeSnapshot knowledge, Patient patient, LabResult result, List<UncomparableResult> newer) {
        Analyte analyte = LabChecks.labAnalyte(knowledge, result.analyte());
        LabLimits limits = LabChecks.limits(knowledge, result.analyte(), patient);
        if (analyte == null || limits == null) {
            return List.of();
        }
        Interpretation interpretation = limits.classify(result.value());
        if (interpretation != Interpretation.CRITICAL_LOW && interpretation != Interpretation.CRITICAL_HIGH) {
            return List.of();
        }
        MedicationRef order = new MedicationRef(
                result.reference(),
                "this patient's " + analyte.name().toLowerCase(Locale.ROOT) + " result",
                OrderState.ACTIVE);
        return List.of(new CriticalResultFinding(
                order, LabChecks.patientRef(patient), analyte, result, limits, interpretation, newer));
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "critical (panic) result";
    }

    @Override
    public String check() {
        return "lab";
    }

    @Override
    public Urgency urgency() {
        return Urgency.CRITICAL;
    }

    @Override
    public boolean interruptive() {
        return true;
    }

    @Override
    public Citation citation() {
        return limits.citation();
    }

    /** A result is not a medication: nothing to remove or re-dose. */
    @Override
    public List<Remedy> remedies() {
        return List.of();
    }

    /** One card per patient and analyte. */
    @Override
    public String problemKey() {
        return RULE_ID + '|' + patient.reference() + '|' + analyte.id();
    }

    @Override
    public String summary() {
        int scale = LabChecks.scale(limits);
        String full = "Critical " + analyte.name().toLowerCase(Locale.ROOT) + " "
                + ResultText.valueAndDate(result, scale) + ": " + side() + " the critical limit of "
                + ResultText.quantity(limit(), scale, result.unit());
        if (full.length() < 140) {
            return full;
        }
        String shorter = "Critical " + analyte.name().toLowerCase(Locale.ROOT) + " "
                + ResultText.quantity(result.value(), scale, result.unit());
        return shorter.length() < 140 ? shorter : shorter.substring(0, 139);
    }

    @Override
    public String detail() {
        int scale = LabChecks.scale(limits);
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(analyte.name())
                .append(' ')
                .append(ResultText.valueAndDate(result, scale))
                .append("** is ")
                .append(side())
                .append(" the critical (panic) limit of ")
                .append(ResultText.quantity(limit(), scale, result.unit()))
                .append('.');
        String trend = ResultText.trend(result, scale);
        detail.append("\n\n**Trend:** ").append(trend == null ? "no previous result on record" : trend);
        detail.append("\n\n**Critical limits:** ").append(LabChecks.criticalLimits(limits, result.unit()));
        String reference = LabChecks.referenceInterval(limits, result.unit());
        if (reference != null) {
            detail.append("; reference interval ").append(reference).append(LabChecks.population(limits));
        }
        for (UncomparableResult other : newerUncomparable) {
            detail.append("\n\n**Newer result not compared:** ")
                    .append(analyte.name())
                    .append(" on ")
                    .append(ResultText.date(other.effective()))
                    .append(" (")
                    .append(other.reason())
                    .append("); check it before acting.");
        }
        detail.append("\n\n**Advice:** a value beyond a critical limit may be life-threatening. Make sure the"
                + " treating clinician knows it, review the patient now, and repeat the test if the value"
                + " is unexpected (a haemolysed, clotted or contaminated sample can give a false result).");
        return detail.toString();
    }

    private String side() {
        return interpretation == Interpretation.CRITICAL_LOW ? "below" : "above";
    }

    private double limit() {
        return interpretation == Interpretation.CRITICAL_LOW
                ? limits.criticalLow().orElseThrow()
                : limits.criticalHigh().orElseThrow();
    }
}
