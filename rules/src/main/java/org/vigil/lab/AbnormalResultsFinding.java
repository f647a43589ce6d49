package org.vigil.lab;

import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.vigil.rules.Patient;
import org.vigil.rules.Remedy;
import org.vigil.rules.Urgency;

/**
 * RES-002: one finding per patient view listing every laboratory analyte whose latest result, dated
 * within the last {@value #LOOKBACK_DAYS} days, lies outside the reference interval of the lab table
 * without being a panic value RES-001 reports. A value beyond a critical limit but older than
 * RES-001's lookback is listed here too, marked as such: it is no longer news, but still abnormal.
 * An analyte whose table row has no reference interval on the side the value falls is not judged;
 * no range is invented.
 *
 * <p><b>Lookback: {@value #LOOKBACK_DAYS} days.</b> The card is an overview of where the patient
 * stands now, for whoever opens the chart: a month covers the usual interval of repeat testing in
 * hospital and in a clinic follow-up, so an abnormal value still unresolved is shown, while an older
 * value is history the chart shows anyway and a basis too stale to prompt anything.
 *
 * <p><b>Always information, never interruptive.</b> The table gives no cited tier between the
 * reference interval (the central 95% of healthy adults, so one healthy person in twenty is outside
 * it on any test) and the critical limits, and values beyond a critical limit already interrupt
 * through RES-001; calling some values "far out" would need a threshold nobody cited.
 */
public record AbnormalResultsFinding(MedicationRef order, List<Entry> entries, List<String> uncompared)
        implements Finding {

    public static final String RULE_ID = "RES-002";

    static final int LOOKBACK_DAYS = 30;

    /** An out-of-range result older than this is not listed (see the class comment). */
    public static final Period LOOKBACK = Period.ofDays(LOOKBACK_DAYS);

    /** One listed result and where it falls. */
    public record Entry(Analyte analyte, LabResult result, LabLimits limits, Interpretation interpretation) {

        public Entry {
            Objects.requireNonNull(analyte, "analyte");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(interpretation, "interpretation");
        }

        boolean critical() {
            return interpretation == Interpretation.CRITICAL_LOW || interpretation == Interpretation.CRITICAL_HIGH;
        }

        String direction() {
            return switch (interpretation) {
                case LOW -> "low";
                case HIGH -> "high";
                case CRITICAL_LOW -> "critically low";
                case CRITICAL_HIGH -> "critically high";
                default -> "";
            };
        }
    }

    public AbnormalResultsFinding {
        Objects.requireNonNull(order, "order");
        entries = List.copyOf(entries);
        uncompared = uncompared == null ? List.of() : List.copyOf(uncompared);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an abnormal-results finding lists at least one result");
        }
    }

    /**
     * The finding over the patient's latest results, as a list the rule can iterate: empty when no
     * recent laboratory result is out of range (or every one is a panic value RES-001 reports).
     */
    public static List<AbnormalResultsFinding> of(
            KnowledgeSnapshot knowledge,
            Patient patient,
            List<LabResult> results,
            List<UncomparableResult> uncomparable) {
        if (patient == null || results == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (LabResult result : results) {
            Entry entry = entry(knowledge, patient, result);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        entries.sort(Comparator.comparing((Entry entry) -> entry.analyte().name()));
        List<String> uncompared = new ArrayList<>();
        if (uncomparable != null) {
            for (UncomparableResult other : uncomparable) {
                Analyte analyte = LabChecks.labAnalyte(knowledge, other.analyte());
                if (analyte != null && ResultText.within(other, patient.asOf(), LOOKBACK)) {
                    uncompared.add(
                            analyte.name() + " on " + ResultText.date(other.effective()) + " (" + other.reason() + ")");
                }
            }
        }
        return List.of(new AbnormalResultsFinding(LabChecks.patientRef(patient), entries, uncompared));
    }

    /** The result's line, or null when it is normal, not judged, too old, or RES-001's to report. */
    static Entry entry(KnowledgeSnapshot knowledge, Patient patient, LabResult result) {
        if (result == null || !ResultText.within(result, patient.asOf(), LOOKBACK)) {
            return null;
        }
        Analyte analyte = LabChecks.labAnalyte(knowledge, result.analyte());
        LabLimits limits = LabChecks.limits(knowledge, result.analyte(), patient);
        if (analyte == null || limits == null) {
            return null;
        }
        Interpretation interpretation = limits.classify(result.value());
        return switch (interpretation) {
            case LOW, HIGH -> new Entry(analyte, result, limits, interpretation);
            case CRITICAL_LOW, CRITICAL_HIGH ->
                CriticalResultFinding.recent(result, patient)
                        ? null
                        : new Entry(analyte, result, limits, interpretation);
            default -> null;
        };
    }

    @Override
    public String ruleId() {
        return RULE_ID;
    }

    @Override
    public String title() {
        return "results outside the reference range";
    }

    @Override
    public String check() {
        return "lab";
    }

    @Override
    public Urgency urgency() {
        return Urgency.INFO;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    /** The table's citation for the first listed analyte; the detail names each analyte's source. */
    @Override
    public Citation citation() {
        return entries.get(0).limits().citation();
    }

    /** Results are not medications: nothing to remove or re-dose. */
    @Override
    public List<Remedy> remedies() {
        return List.of();
    }

    /** One card per patient. */
    @Override
    public String problemKey() {
        return RULE_ID + '|' + order.reference();
    }

    @Override
    public String summary() {
        String lead = entries.size() == 1
                ? "1 result outside the reference range: "
                : entries.size() + " results outside the reference range: ";
        List<String> full = new ArrayList<>(entries.size());
        List<String> names = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            String name = entry.analyte().name().toLowerCase(Locale.ROOT);
            full.add(name + " "
                    + ResultText.quantity(
                            entry.result().value(),
                            LabChecks.scale(entry.limits()),
                            entry.result().unit())
                    + " (" + entry.direction() + ")");
            names.add(name + " (" + entry.direction() + ")");
        }
        String text = lead + String.join(", ", full);
        if (text.length() < 140) {
            return text;
        }
        text = lead + String.join(", ", names);
        return text.length() < 140 ? text : text.substring(0, 138) + "…";
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("Latest results of the last ")
                .append(LOOKBACK_DAYS)
                .append(" days outside the reference range:\n\n")
                .append("| Test | Result | Date | Reference range | Previous |\n")
                .append("|---|---|---|---|---|\n");
        for (Entry entry : entries) {
            LabResult result = entry.result();
            int scale = LabChecks.scale(entry.limits());
            String range = LabChecks.referenceInterval(entry.limits(), result.unit());
            if (range == null) {
                range = "none in the table";
            } else {
                range += LabChecks.population(entry.limits());
            }
            if (entry.critical()) {
                range += "; critical " + LabChecks.criticalLimits(entry.limits(), result.unit());
            }
            String trend = ResultText.trend(result, scale);
            detail.append("| ")
                    .append(entry.analyte().name())
                    .append(" | ")
                    .append(ResultText.quantity(result.value(), scale, result.unit()))
                    .append(" (")
                    .append(entry.direction())
                    .append(") | ")
                    .append(ResultText.date(result.effective()))
                    .append(" | ")
                    .append(range)
                    .append(" | ")
                    .append(trend == null ? "none on record" : trend)
                    .append(" |\n");
        }
        if (entries.stream().anyMatch(Entry::critical)) {
            detail.append("\nA critically abnormal value listed here is more than ")
                    .append(CriticalResultFinding.LOOKBACK_DAYS)
                    .append(" days old, so it is no longer reported as a panic value; consider repeating it.\n");
        }
        for (String other : uncompared) {
            detail.append("\nCould not be compared: ").append(other).append(".\n");
        }
        detail.append("\nOnly analytes with a reference interval in Vigil's lab table are judged against it;")
                .append(" other results are judged only against their critical limits.");
        List<Citation> sources = new ArrayList<>();
        for (Entry entry : entries) {
            if (!sources.contains(entry.limits().citation())) {
                sources.add(entry.limits().citation());
            }
        }
        if (sources.size() > 1) {
            // The card's source line cites the first; the others are named here once.
            detail.append("\n\n**Other sources of the limits:**");
            for (Citation source : sources) {
                if (!source.equals(citation())) {
                    detail.append("\n- ").append(source.text());
                }
            }
        }
        return detail.toString();
    }
}
