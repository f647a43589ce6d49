package org.vigil.dose;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.knowledge.dose.DoseUnit;
import org.vigil.knowledge.dose.Population;
import org.vigil.knowledge.dose.Route;
import org.vigil.knowledge.dose.Setting;
import org.vigil.lab.LabResult;
import org.vigil.lab.ResultText;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.Patient;
import org.vigil.rules.Urgency;

/**
 * What the dose rules share: which row of {@code dose-limits.tsv} applies to an order, which body
 * weight counts, which orders add up to a daily total, and how the numbers read on a card.
 */
public final class DoseCheck {

    /** {@link org.vigil.rules.Finding#check()} of every dose finding. */
    public static final String CHECK = "dose";

    /**
     * A body weight older than this is not used for weight-based limits. Children of the ages the
     * weight-based rows cover (2 to 12 years) gain about 2 to 3 kg a year, so a month-old weight is
     * within a few percent of today's, well inside what separates a correct dose from an overdose;
     * an older weight no longer reliably describes a child who may have grown or, when ill, lost
     * weight. Thirty days also matches the drug-lab check's default lookback.
     */
    public static final Period WEIGHT_LOOKBACK = Period.ofDays(30);

    /** A dose at least this many times the maximum suggests a tenfold or decimal error: critical. */
    public static final double CRITICAL_RATIO = 2.0;

    private static final String BODY_WEIGHT = "body_weight";

    private DoseCheck() {}

    /**
     * The dose-limit row for an ingredient of an order, as a list the rule can iterate (empty or one
     * row): the prescription-setting row for the order's route and the patient's age. A patient
     * without a recorded birth date is treated as an adult.
     */
    public static List<DoseLimit> limitFor(
            KnowledgeSnapshot knowledge, Patient patient, MedicationFact order, Ingredient ingredient) {
        int age = patient == null ? -1 : patient.ageInYears();
        String route = routeOf(order);
        Optional<DoseLimit> limit = age < 0
                ? knowledge
                        .doses()
                        .doseLimits()
                        .limit(ingredient.rxcui(), route, Population.ADULT, Setting.PRESCRIPTION)
                : knowledge.doses().doseLimits().limitForAge(ingredient.rxcui(), route, age, Setting.PRESCRIPTION);
        return limit.map(List::of).orElse(List.of());
    }

    /**
     * The order's route: as written, else implied by an oral dose form ("Oral Tablet"), which cannot
     * be given any other way; null when neither says.
     */
    static String routeOf(MedicationFact order) {
        String route = order.dosage().route();
        if (route != null) {
            return route;
        }
        String form = order.medication().doseForm();
        return form != null && form.toLowerCase(Locale.ROOT).startsWith("oral") ? "oral" : null;
    }

    /** Whether a row's amounts are absolute masses (mg, mcg, g), not per kilogram or in units. */
    public static boolean absolute(DoseLimit limit) {
        return limit.unit() != null && limit.unit().isMass() && !limit.unit().perKilogram();
    }

    /** Whether a row's amounts are per kilogram of body weight. */
    public static boolean perKilogram(DoseLimit limit) {
        return limit.unit() != null && limit.unit().perKilogram();
    }

    /** The latest body weight at most {@link #WEIGHT_LOOKBACK} old, or null. */
    public static LabResult recentWeight(Patient patient, Collection<?> results) {
        LabResult latest = null;
        for (Object fact : results) {
            if (fact instanceof LabResult result
                    && BODY_WEIGHT.equals(result.analyte())
                    && result.value() > 0
                    && ResultText.within(result, patient == null ? null : patient.asOf(), WEIGHT_LOOKBACK)
                    && (latest == null || result.effective().isAfter(latest.effective()))) {
                latest = result;
            }
        }
        return latest;
    }

    static double kilograms(LabResult weight) {
        return weight == null ? Double.NaN : weight.value();
    }

    /**
     * Every order that adds the ingredient to the patient's day: the drafts (checked or not) and the
     * active medications containing it, the draft first, except active orders a draft renews or
     * modifies (their replacement is counted instead).
     */
    static List<IngredientDose> contributions(
            DraftOrder draft, Ingredient ingredient, Collection<?> orders, double weightKg) {
        List<DraftOrder> drafts = new ArrayList<>();
        for (Object fact : orders) {
            if (fact instanceof DraftOrder other) {
                drafts.add(other);
            }
        }
        List<IngredientDose> doses = new ArrayList<>();
        doses.add(IngredientDose.of(draft, ingredient, weightKg));
        for (Object fact : orders) {
            if (!(fact instanceof MedicationFact order)
                    || order.reference().equals(draft.reference())
                    || !order.contains(ingredient.rxcui())
                    || (order instanceof ActiveMedication && replaced(order, drafts))) {
                continue;
            }
            doses.add(IngredientDose.of(order, ingredient, weightKg));
        }
        return doses;
    }

    private static boolean replaced(MedicationFact active, List<DraftOrder> drafts) {
        for (DraftOrder draft : drafts) {
            if (draft.replaces(active)) {
                return true;
            }
        }
        return false;
    }

    /** At least twice the maximum: critical; above it: warning. */
    static Urgency urgency(double ratio) {
        return ratio >= CRITICAL_RATIO ? Urgency.CRITICAL : Urgency.WARNING;
    }

    /** Whether an amount exceeds a ceiling, with the tolerance {@link DoseLimit} uses for rounding. */
    static boolean exceeds(double amount, double ceiling) {
        return Double.isFinite(amount) && Double.isFinite(ceiling) && amount > ceiling * (1 + 1e-9);
    }

    /** A row's ceiling in milligrams (or mg/kg for a per-kilogram row); NaN when the row has none. */
    static double ceilingMg(DoseLimit limit, boolean daily) {
        BigDecimal amount = daily ? limit.maxDailyDose() : limit.maxSingleDose();
        if (amount == null || limit.unit() == null || limit.unit() == DoseUnit.UNIT) {
            return Double.NaN;
        }
        return limit.unit().toMilligrams(amount.doubleValue());
    }

    /** An amount for a remedy: no trailing zeros and never in exponent notation (1000, not 1E+3). */
    static BigDecimal decimal(double value) {
        BigDecimal amount = BigDecimal.valueOf(value).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** {@code 1300}, {@code 0.6}, {@code 12.5}: at most two decimals. */
    static String number(double value) {
        return ResultText.number(value);
    }

    /** Who and what a row is written for: "adult, any route" or "pediatric 2 to under 13 years, intravenous". */
    static String rowScope(DoseLimit limit) {
        StringBuilder scope = new StringBuilder(limit.population().code().replace('-', ' '));
        if (limit.minAgeYears() != null && limit.maxAgeYears() != null) {
            scope.append(' ')
                    .append(limit.minAgeYears().toPlainString())
                    .append(" to under ")
                    .append(limit.maxAgeYears().toPlainString())
                    .append(" years");
        } else if (limit.minAgeYears() != null) {
            scope.append(" from ").append(limit.minAgeYears().toPlainString()).append(" years");
        } else if (limit.maxAgeYears() != null) {
            scope.append(" under ").append(limit.maxAgeYears().toPlainString()).append(" years");
        }
        scope.append(", ").append(limit.route().code()).append(limit.route() == Route.ANY ? " route" : "");
        if (limit.setting() != Setting.ANY) {
            scope.append(", ").append(limit.setting().code()).append(" use");
        }
        return scope.toString();
    }

    /** The row's maxima as a line of a card: "1000 mg per dose, 4000 mg per day". */
    static String rowMaxima(DoseLimit limit) {
        List<String> parts = new ArrayList<>(2);
        String unit = limit.unit() == null ? "" : " " + limit.unit().code();
        if (limit.maxSingleDose() != null) {
            parts.add(limit.maxSingleDose().stripTrailingZeros().toPlainString() + unit + " per dose");
        }
        if (limit.maxDailyDose() != null) {
            parts.add(limit.maxDailyDose().stripTrailingZeros().toPlainString() + unit + " per day");
        }
        if (limit.frequency() != null) {
            parts.add("dosed " + limit.frequency().code());
        }
        return String.join(", ", parts);
    }

    /** The "limit" and "note" lines every dose card ends with. */
    static void appendRow(StringBuilder detail, DoseLimit limit) {
        detail.append("\n\n**Limit:** ")
                .append(rowMaxima(limit))
                .append(" (")
                .append(rowScope(limit))
                .append(')');
        if (limit.note() != null && !limit.note().isBlank()) {
            detail.append("\n\n**Note:** ").append(limit.note());
        }
    }

    /** The first part of a card's summary that fits under 140 characters. */
    static String fit(String... candidates) {
        for (String candidate : candidates) {
            if (candidate.length() < 140) {
                return candidate;
            }
        }
        String last = candidates[candidates.length - 1];
        return last.substring(0, 139);
    }
}
