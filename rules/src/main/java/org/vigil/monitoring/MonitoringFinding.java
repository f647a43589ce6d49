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
import org.vigil.lab.ResultOnRecord;
import org.vigil.lab.ResultText;
import org.vigil.lab.UncomparableResult;
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
 * <p>Which results count: for a row with a catalog analyte, the latest {@link LabResult} of the
 * analyte; a result of it in a unit that cannot be converted ({@link UncomparableResult}) counts too
 * when dated within the window or undated (it cannot be shown to be old, so the card does not claim
 * there is none). For a row without a catalog analyte (gentamicin, tobramycin, vancomycin and
 * lithium levels), the latest {@link org.vigil.lab.OtherResult} recorded under the row's LOINC code,
 * whatever its value: the card asks whether the test was done, not what it showed.
 *
 * <p>Urgency: warning, not interruptive. The test is due now (the source asks for it before the
 * first dose, or the interval has run out), but the order itself is not unsafe: the suggestion to
 * order the test is the whole remedy, and the draft order stays.
 *
 * @param lastResult the latest result of the test, too old to count (a {@link LabResult}, an
 *     {@link UncomparableResult} or, for a test outside the lab catalog, an {@link
 *     org.vigil.lab.OtherResult}), or null when none is on record
 * @param continues the order this one continues (its prior prescription or the active order), or null
 */
public record MonitoringFinding(
        MedicationRef order,
        Ingredient ingredient,
        MonitoringRequirement requirement,
        Phase phase,
        Period window,
        ResultOnRecord lastResult,
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
        return baseline(draft, ingredient, requirement, results, List.of());
    }

    /** A baseline due; {@code results} and {@code more} are the results the rule collected (too old to count). */
    public static MonitoringFinding baseline(
            MedicationFact draft,
            Ingredient ingredient,
            MonitoringRequirement requirement,
            List<?> results,
            List<?> more) {
        return new MonitoringFinding(
                draft.ref(),
                ingredient,
                requirement,
                Phase.BASELINE,
                baselineWindow(requirement),
                latest(results, more),
                null);
    }

    public static MonitoringFinding maintenance(
            MedicationFact draft,
            Ingredient ingredient,
            MonitoringRequirement requirement,
            List<?> results,
            String continues) {
        return maintenance(draft, ingredient, requirement, results, List.of(), continues);
    }

    /** A maintenance result due; {@code results} and {@code more} are the results the rule collected. */
    public static MonitoringFinding maintenance(
            MedicationFact draft,
            Ingredient ingredient,
            MonitoringRequirement requirement,
            List<?> results,
            List<?> more,
            String continues) {
        return new MonitoringFinding(
                draft.ref(),
                ingredient,
                requirement,
                Phase.MAINTENANCE,
                requirement.interval(),
                latest(results, more),
                continues);
    }

    /**
     * The latest dated result among those the rule collected (the normalizer keeps one per analyte
     * or LOINC code); on a tie the first list wins, so a comparable result is shown before an
     * uncomparable one of the same date.
     */
    private static ResultOnRecord latest(List<?> results, List<?> more) {
        ResultOnRecord latest = null;
        for (List<?> list : List.of(results, more)) {
            for (Object candidate : list) {
                if (candidate instanceof ResultOnRecord result
                        && (latest == null
                                || (result.effective() != null
                                        && (latest.effective() == null
                                                || result.effective().isAfter(latest.effective()))))) {
                    latest = result;
                }
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

    /**
     * "no platelet count in the last 30 days; needed before the first dose", "last INR on 2026-10-13,
     * over 28 days ago; ...", "no lithium level in the last 2 months; the latest was on 2026-08-01; ...".
     */
    private String problem() {
        String found;
        if (lastResult == null || lastResult.effective() == null) {
            found = "no " + testWords() + " in the last " + window(window);
        } else if (lastResult instanceof LabResult) {
            found = "last " + testWords() + " on " + ResultText.date(lastResult.effective()) + ", over "
                    + window(window) + " ago";
        } else {
            found = "no " + testWords() + " in the last " + window(window) + "; the latest was on "
                    + ResultText.date(lastResult.effective());
        }
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
        } else if (lastResult.effective() == null) {
            detail.append("no dated ").append(testWords()).append(" on record");
        } else if (lastResult instanceof LabResult lab) {
            detail.append("latest ")
                    .append(testWords())
                    .append(' ')
                    .append(ResultText.valueAndDate(lab))
                    .append(", older than ")
                    .append(window(window));
        } else {
            detail.append("latest ")
                    .append(testWords())
                    .append(" on ")
                    .append(ResultText.date(lastResult.effective()))
                    .append(", older than ")
                    .append(window(window));
            if (lastResult instanceof UncomparableResult unreadable) {
                detail.append(" (").append(unreadable.reason()).append(')');
            }
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

    /**
     * The test as a noun: the analyte's name ("INR", "platelet count", "potassium"), or for a test
     * outside the lab catalog the substance its LOINC name measures and "level" ("lithium level" from
     * "Lithium [Moles/volume] in Serum or Plasma").
     */
    private String testWords() {
        if (requirement.analyte() == null) {
            String test = requirement.testName();
            int property = test.indexOf(" [");
            return lowerFirst(property > 0 ? test.substring(0, property) : test) + " level";
        }
        return lowerFirst(requirement.analyte().name());
    }

    /** "Potassium" to "potassium", but "INR" stays. */
    private static String lowerFirst(String name) {
        if (name.isEmpty() || (name.length() > 1 && Character.isUpperCase(name.charAt(1)))) {
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
