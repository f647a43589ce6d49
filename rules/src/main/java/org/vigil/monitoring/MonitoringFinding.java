package org.vigil.monitoring;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.monitoring.MonitoringRequirement;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.Remedy;
import org.vigil.rules.Text;
import org.vigil.rules.Urgency;

/**
 * A draft order for a drug whose monitoring row ({@code monitoring.tsv}) asks for a lab result the
 * patient does not have recently enough; the card suggests ordering the test by its LOINC code.
 *
 * <p>When a result is due at ordering time:
 *
 * <ul>
 *   <li>{@link Phase#BASELINE}: the drug is started (the order renews nothing and the patient does
 *       not already take the ingredient) and the row asks for a baseline. A result dated within
 *       {@link #baselineWindow} counts: {@link #BASELINE_LOOKBACK}, or the row's maintenance interval
 *       when that is shorter (a result the source would call overdue during therapy cannot stand for
 *       the state at its start).
 *   <li>{@link Phase#MAINTENANCE}: the order renews a prior prescription, or the patient already takes
 *       the ingredient; the row's maintenance interval applies instead of the baseline, and a row
 *       without one ("periodically") is not due at any particular order.
 * </ul>
 *
 * A row whose first check comes after starting is not due when the drug is ordered, and a
 * periodic-only row ({@link MonitoringRequirement#periodicOnly()}) never is: both stay quiet.
 *
 * <p>What the rules cannot see they do not ask for: only results of analytes the lab catalog knows
 * reach them (the latest per analyte), so rows without a catalog analyte (gentamicin, tobramycin,
 * vancomycin and lithium levels) stay quiet rather than ask for a test on every order whether or not
 * it was done. A result of the analyte in a unit that cannot be converted is on record but reaches
 * the rules without a date; it silences the row rather than have the card claim there is none.
 *
 * <p>Urgency: warning, not interruptive. The test is due now (the source asks for it before the
 * first dose, or the interval has run out), but the order itself is not unsafe: the suggestion to
 * order the test is the whole remedy, and the draft order stays.
 *
 * @param lastResult the latest result of the analyte, too old to count, or null when none is on record
 * @param continues the order this one continues (its prior prescription or the active order), or null
 */
public record MonitoringFinding(
        MedicationRef order,
        Ingredient ingredient,
        MonitoringRequirement requirement,
        Phase phase,
        Period window,
        LabResult lastResult,
        String continues)
        implements Finding {

    /** Why a result is due. */
    public enum Phase {
        /** Before the first dose. */
        BASELINE,
        /** The maintenance interval ran out on a drug the patient continues. */
        MAINTENANCE
    }

    /** How old a baseline may be: older than this it no longer describes the patient starting the drug. */
    public static final Period BASELINE_LOOKBACK = Period.ofDays(30);

    public MonitoringFinding {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ingredient, "ingredient");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(window, "window");
        if (requirement.analyte() == null) {
            throw new IllegalArgumentException("a row without a catalog analyte cannot be compared with results");
        }
    }

    /** The window a baseline must fall in: {@link #BASELINE_LOOKBACK}, or the row's interval when shorter. */
    public static Period baselineWindow(MonitoringRequirement requirement) {
        Period interval = requirement.interval();
        if (interval != null && days(interval) < days(BASELINE_LOOKBACK)) {
            return interval;
        }
        return BASELINE_LOOKBACK;
    }

    public static MonitoringFinding baseline(
            MedicationFact draft, Ingredient ingredient, MonitoringRequirement requirement, List<?> results) {
        return new MonitoringFinding(
                draft.ref(),
                ingredient,
                requirement,
                Phase.BASELINE,
                baselineWindow(requirement),
                latest(results),
                null);
    }

    public static MonitoringFinding maintenance(
            MedicationFact draft,
            Ingredient ingredient,
            MonitoringRequirement requirement,
            List<?> results,
            String continues) {
        return new MonitoringFinding(
                draft.ref(),
                ingredient,
                requirement,
                Phase.MAINTENANCE,
                requirement.interval(),
                latest(results),
                continues);
    }

    /** The latest dated result among those the rule collected (the normalizer keeps one per analyte). */
    private static LabResult latest(List<?> results) {
        LabResult latest = null;
        for (Object candidate : results) {
            if (candidate instanceof LabResult result
                    && (latest == null
                            || (result.effective() != null
                                    && (latest.effective() == null
                                            || result.effective().isAfter(latest.effective()))))) {
                latest = result;
            }
        }
        return latest;
    }

    private static long days(Period period) {
        LocalDate epoch = LocalDate.EPOCH;
        return epoch.plus(period).toEpochDay() - epoch.toEpochDay();
    }

    @Override
    public String ruleId() {
        return requirement.id();
    }

    @Override
    public String title() {
        return requirement.drugName() + " monitoring: " + testWords() + " due";
    }

    @Override
    public String check() {
        return "monitoring";
    }

    @Override
    public Urgency urgency() {
        return Urgency.WARNING;
    }

    @Override
    public boolean interruptive() {
        return false;
    }

    @Override
    public Citation citation() {
        return requirement.citation();
    }

    /** One card per row and order, even when two ingredients of one product share a class row. */
    @Override
    public String problemKey() {
        return requirement.id() + '|' + order.reference();
    }

    /** Order the test; the draft order stays (a due test is no reason to remove it). */
    @Override
    public List<Remedy> remedies() {
        return List.of(new Remedy.OrderLab(requirement.loinc(), requirement.testName(), reason()));
    }

    @Override
    public String summary() {
        String full = Text.capitalize(order.display()) + ": " + problem();
        if (full.length() < 140) {
            return full;
        }
        String shorter = Text.capitalize(ingredient.name()) + ": " + problem();
        if (shorter.length() < 140) {
            return shorter;
        }
        String shortest = Text.capitalize(ingredient.name()) + ": " + testWords() + " due";
        return shortest.length() < 140 ? shortest : shortest.substring(0, 139);
    }

    /** "no platelet count in the last 30 days; needed before the first dose". */
    private String problem() {
        String found = lastResult == null || lastResult.effective() == null
                ? "no " + testWords() + " in the last " + window(window)
                : "last " + testWords() + " on " + ResultText.date(lastResult.effective()) + ", over " + window(window)
                        + " ago";
        return found
                + (phase == Phase.BASELINE
                        ? "; needed before the first dose"
                        : "; due at least every " + window(window) + " on therapy");
    }

    @Override
    public String detail() {
        StringBuilder detail = new StringBuilder();
        detail.append("**")
                .append(order.display())
                .append("** (")
                .append(order.state().label())
                .append(")");
        if (phase == Phase.MAINTENANCE && continues != null) {
            detail.append(", continuing ").append(continues);
        }
        detail.append(": **");
        if (lastResult == null) {
            detail.append("no ").append(testWords()).append(" on record");
        } else {
            detail.append("latest ")
                    .append(testWords())
                    .append(' ')
                    .append(ResultText.valueAndDate(lastResult))
                    .append(", older than ")
                    .append(window(window));
        }
        detail.append("**");
        detail.append("\n\n**Due:** ");
        if (phase == Phase.BASELINE) {
            detail.append("a baseline before the first dose; a result from the last ")
                    .append(window(window))
                    .append(" counts.");
        } else {
            detail.append("the source allows at most ")
                    .append(window(window))
                    .append(" between results while the patient takes ")
                    .append(requirement.drugName())
                    .append('.');
        }
        detail.append("\n\n**Schedule:** ").append(requirement.schedule());
        detail.append("\n\n**Why:** ").append(requirement.rationale());
        detail.append("\n\n**Suggestion:** order ")
                .append(requirement.testName())
                .append(" (LOINC ")
                .append(requirement.loinc())
                .append(").");
        return detail.toString();
    }

    /** The reason carried on the suggested ServiceRequest. */
    private String reason() {
        return phase == Phase.BASELINE
                ? "Baseline before starting " + ingredient.name() + " (" + requirement.id() + ")"
                : "Monitoring of " + ingredient.name() + ": no result in the last " + window(window) + " ("
                        + requirement.id() + ")";
    }

    /** The analyte as a noun: "INR", "platelet count", "potassium". */
    private String testWords() {
        String name = requirement.analyte().name();
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** "30 days", "2 months", "P1Y2M". */
    static String window(Period period) {
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() + (period.getDays() == 1 ? " day" : " days");
        }
        if (period.getYears() == 0 && period.getDays() == 0) {
            return period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
        }
        return period.toString();
    }
}
