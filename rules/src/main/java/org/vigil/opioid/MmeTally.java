package org.vigil.opioid;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vigil.knowledge.Component;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.dose.MmeDoseUnit;
import org.vigil.knowledge.dose.MmeFactor;
import org.vigil.knowledge.dose.MmeFactors;
import org.vigil.rules.ActiveMedication;
import org.vigil.rules.Dosage;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;

/**
 * The patient's total daily morphine milligram equivalents once a draft order is signed: every
 * opioid of the draft orders and of the active medications (an active order a draft renews or
 * modifies is counted once, as the draft), each converted with the CDC factor of its route.
 *
 * <p>MME estimate overall opioid exposure for this safety check only; they are never used to
 * convert a patient from one opioid to another (CDC 2022). Opioids without a factor (buprenorphine,
 * meperidine, a route the CDC table gives no factor for) are listed but not summed, and so are
 * orders whose dose, frequency or route is unstated: the total is then a lower bound.
 *
 * @param lines one line per opioid ingredient of every counted order, the draft's first
 * @param total the sum of the computed lines, MME/day
 */
public record MmeTally(List<Line> lines, double total) {

    /** Why a line is or is not in the total. */
    public enum Status {
        /** Converted and summed. */
        COMPUTED,
        /** The opioid has no CDC conversion factor for this route: not summed. */
        NO_FACTOR,
        /** The opioid has a factor but the order's dose, frequency or route is unstated: not summed. */
        NOT_COMPUTED
    }

    /**
     * One opioid ingredient of one order.
     *
     * @param order the order
     * @param dosage what the order says, for the card
     * @param ingredient the opioid
     * @param route the route the factor was looked up for, or null when unknown
     * @param amount the daily dose in mg, or the patch delivery rate in mcg/hr; NaN when not computed
     * @param factor the factor row used, or null
     * @param mmePerDay the line's MME/day, NaN unless {@link Status#COMPUTED}
     */
    public record Line(
            MedicationRef order,
            Dosage dosage,
            Ingredient ingredient,
            String route,
            Status status,
            double amount,
            MmeFactor factor,
            double mmePerDay) {

        public Line {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(ingredient, "ingredient");
            Objects.requireNonNull(status, "status");
        }
    }

    public MmeTally {
        lines = List.copyOf(lines);
    }

    /** Whether some opioid could not be summed: the total is then "at least". */
    public boolean partial() {
        for (Line line : lines) {
            if (line.status() != Status.COMPUTED) {
                return true;
            }
        }
        return false;
    }

    public List<Line> computed() {
        return lines.stream().filter(line -> line.status() == Status.COMPUTED).toList();
    }

    public List<Line> notSummed() {
        return lines.stream().filter(line -> line.status() != Status.COMPUTED).toList();
    }

    /**
     * The tally after {@code draft}: the draft first, then the other drafts, then the active
     * medications no draft replaces.
     */
    public static MmeTally after(
            KnowledgeSnapshot knowledge, DraftOrder draft, List<DraftOrder> drafts, List<ActiveMedication> actives) {
        List<MedicationFact> counted = new ArrayList<>(drafts.size() + actives.size());
        counted.add(draft);
        for (DraftOrder other : drafts) {
            if (!other.reference().equals(draft.reference())) {
                counted.add(other);
            }
        }
        for (ActiveMedication active : actives) {
            if (!replacedByAny(active, drafts)) {
                counted.add(active);
            }
        }
        return tally(knowledge, counted);
    }

    /**
     * The tally without {@code draft} but with the active order it renews: what the patient takes
     * now, next to the other drafts.
     */
    public static MmeTally before(
            KnowledgeSnapshot knowledge, DraftOrder draft, List<DraftOrder> drafts, List<ActiveMedication> actives) {
        List<MedicationFact> counted = new ArrayList<>(drafts.size() + actives.size());
        List<DraftOrder> others = new ArrayList<>(drafts.size());
        for (DraftOrder other : drafts) {
            if (!other.reference().equals(draft.reference())) {
                counted.add(other);
                others.add(other);
            }
        }
        for (ActiveMedication active : actives) {
            if (!replacedByAny(active, others)) {
                counted.add(active);
            }
        }
        return tally(knowledge, counted);
    }

    /**
     * The tally of the patient's active medications alone, no order being signed: what the
     * patient-view risk flag sums. The order-sign checks keep using {@link #after}.
     */
    public static MmeTally active(KnowledgeSnapshot knowledge, List<ActiveMedication> actives) {
        return tally(knowledge, new ArrayList<>(actives));
    }

    private static MmeTally tally(KnowledgeSnapshot knowledge, List<MedicationFact> counted) {
        List<Line> lines = new ArrayList<>();
        double total = 0;
        for (MedicationFact order : counted) {
            for (Ingredient ingredient : order.ingredients()) {
                if (!Opioids.isOpioid(knowledge, ingredient)) {
                    continue;
                }
                Line line = line(knowledge.doses().mme(), order, ingredient);
                lines.add(line);
                if (line.status() == Status.COMPUTED) {
                    total += line.mmePerDay();
                }
            }
        }
        // Products of decimal doses and factors land a hair off the threshold (0.1 * 3 = 0.30000000000000004).
        return new MmeTally(lines, Math.round(total * 1_000_000.0) / 1_000_000.0);
    }

    private static boolean replacedByAny(ActiveMedication active, List<DraftOrder> drafts) {
        for (DraftOrder draft : drafts) {
            if (draft.replaces(active)) {
                return true;
            }
        }
        return false;
    }

    static Line line(MmeFactors mme, MedicationFact order, Ingredient ingredient) {
        Dosage dosage = order.dosage();
        String route = routeOf(order);
        if (route == null) {
            return new Line(order.ref(), dosage, ingredient, null, Status.NOT_COMPUTED, Double.NaN, null, Double.NaN);
        }
        Optional<MmeFactor> found = mme.row(ingredient.rxcui(), route);
        if (found.isEmpty()) {
            return new Line(order.ref(), dosage, ingredient, route, Status.NO_FACTOR, Double.NaN, null, Double.NaN);
        }
        MmeFactor factor = found.get();
        OptionalDouble amount = factor.doseUnit() == MmeDoseUnit.MCG_PER_HOUR
                ? patchRateMcgPerHour(order, ingredient)
                : dosage.dailyDoseMg(order.medication(), ingredient);
        OptionalDouble mmePerDay = amount.isPresent()
                ? mme.mmePerDay(
                        ingredient.rxcui(),
                        route,
                        amount.getAsDouble(),
                        factor.doseUnit() == MmeDoseUnit.MCG_PER_HOUR ? "mcg/hr" : "mg")
                : OptionalDouble.empty();
        if (mmePerDay.isEmpty()) {
            return new Line(
                    order.ref(), dosage, ingredient, route, Status.NOT_COMPUTED, Double.NaN, factor, Double.NaN);
        }
        return new Line(
                order.ref(),
                dosage,
                ingredient,
                route,
                Status.COMPUTED,
                amount.getAsDouble(),
                factor,
                mmePerDay.getAsDouble());
    }

    /**
     * The route as prescribed, else the one the product's dose form implies (a transdermal system
     * is transdermal, an oral tablet oral); null when neither says.
     */
    static String routeOf(MedicationFact order) {
        String route = order.dosage().route();
        if (route != null) {
            return route;
        }
        String form = order.medication().doseForm();
        if (form == null) {
            return null;
        }
        String lower = form.toLowerCase(Locale.ROOT);
        if (lower.contains("transdermal")) {
            return "transdermal";
        }
        return lower.contains("oral") ? "oral" : null;
    }

    /**
     * A patch order's delivery rate: the dose when written as a rate (mcg/h), else the product's
     * strength per hour (RxNorm writes fentanyl patches in MG/HR) times the number of patches worn
     * at once. The change interval does not matter: the rate is per hour of wear.
     */
    static OptionalDouble patchRateMcgPerHour(MedicationFact order, Ingredient ingredient) {
        Dosage dosage = order.dosage();
        if (!dosage.hasDose()) {
            return OptionalDouble.empty();
        }
        if ("mcg/h".equals(dosage.doseUnit())) {
            return OptionalDouble.of(dosage.dose().doubleValue());
        }
        if (!"patch".equals(dosage.doseUnit())) {
            return OptionalDouble.empty();
        }
        for (Component component : order.medication().components()) {
            if (component.ingredient().rxcui() != ingredient.rxcui() || component.strength() == null) {
                continue;
            }
            double perHour = switch (component.unit().toUpperCase(Locale.ROOT)) {
                case "MCG/HR", "MCG/H", "UG/HR", "UG/H" -> 1.0;
                case "MG/HR", "MG/H" -> 1000.0;
                default -> Double.NaN;
            };
            if (Double.isNaN(perHour)) {
                return OptionalDouble.empty();
            }
            BigDecimal patches = dosage.dose();
            return OptionalDouble.of(component.strength().doubleValue() * perHour * patches.doubleValue());
        }
        return OptionalDouble.empty();
    }
}
