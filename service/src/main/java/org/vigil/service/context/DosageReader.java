package org.vigil.service.context;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a MedicationRequest's first dosage instruction into the rules' {@link
 * org.vigil.rules.Dosage}: the dose per administration (the top of a range), how many
 * administrations a dosing day allows (from {@code timing.repeat} or a common timing code such as
 * BID or Q6H), how many days apart the dosing days are (weekly, every other day), and the route
 * (SNOMED CT, HL7 route codes or text). What it cannot read stays unstated.
 */
final class DosageReader {

    private static final String SNOMED = "http://snomed.info/sct";

    /**
     * SNOMED CT route concepts (descendants of 284009009 Route of administration values, as listed in
     * the FHIR SNOMEDCTRouteCodes value set), HL7 v3 RouteOfAdministration codes, and common text.
     */
    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("26643006", "oral"),
            Map.entry("47625008", "intravenous"),
            Map.entry("78421000", "intramuscular"),
            Map.entry("34206005", "subcutaneous"),
            Map.entry("45890007", "transdermal"),
            Map.entry("72607000", "intrathecal"),
            Map.entry("po", "oral"),
            Map.entry("oral", "oral"),
            Map.entry("by mouth", "oral"),
            Map.entry("iv", "intravenous"),
            Map.entry("ivinj", "intravenous"),
            Map.entry("ivinfus", "intravenous"),
            Map.entry("intravenous", "intravenous"),
            Map.entry("im", "intramuscular"),
            Map.entry("intramuscular", "intramuscular"),
            Map.entry("sq", "subcutaneous"),
            Map.entry("sc", "subcutaneous"),
            Map.entry("subq", "subcutaneous"),
            Map.entry("subcutaneous", "subcutaneous"),
            Map.entry("transdermal", "transdermal"),
            Map.entry("trnsderm", "transdermal"),
            Map.entry("it", "intrathecal"),
            Map.entry("intrathecal", "intrathecal"),
            Map.entry("37839007", "sublingual"),
            Map.entry("37161004", "rectal"),
            Map.entry("46713006", "nasal"),
            Map.entry("447694001", "inhalation"),
            Map.entry("6064005", "topical"),
            Map.entry("54485002", "ophthalmic"),
            Map.entry("10547007", "otic"),
            Map.entry("16857009", "vaginal"),
            Map.entry("12130007", "intra-articular"),
            Map.entry("38239002", "intraperitoneal"),
            Map.entry("sl", "sublingual"),
            Map.entry("sublingual", "sublingual"),
            Map.entry("pr", "rectal"),
            Map.entry("rectal", "rectal"),
            Map.entry("per rectum", "rectal"),
            Map.entry("nasal", "nasal"),
            Map.entry("intranasal", "nasal"),
            Map.entry("inhalation", "inhalation"),
            Map.entry("inhaled", "inhalation"),
            Map.entry("topical", "topical"),
            Map.entry("ophthalmic", "ophthalmic"),
            Map.entry("otic", "otic"),
            Map.entry("vaginal", "vaginal"),
            Map.entry("intra-articular", "intra-articular"),
            Map.entry("intraperitoneal", "intraperitoneal"));

    /** Common timing abbreviations (HL7 v3 GTSAbbreviation): administrations per dosing day and days apart. */
    private static final Map<String, double[]> TIMING_CODES = Map.ofEntries(
            Map.entry("qd", new double[] {1, 1}),
            Map.entry("daily", new double[] {1, 1}),
            Map.entry("qam", new double[] {1, 1}),
            Map.entry("qpm", new double[] {1, 1}),
            Map.entry("qhs", new double[] {1, 1}),
            Map.entry("bid", new double[] {2, 1}),
            Map.entry("tid", new double[] {3, 1}),
            Map.entry("qid", new double[] {4, 1}),
            Map.entry("q4h", new double[] {6, 1}),
            Map.entry("q6h", new double[] {4, 1}),
            Map.entry("q8h", new double[] {3, 1}),
            Map.entry("q12h", new double[] {2, 1}),
            Map.entry("qod", new double[] {1, 2}),
            Map.entry("wk", new double[] {1, 7}),
            Map.entry("qwk", new double[] {1, 7}),
            Map.entry("weekly", new double[] {1, 7}));

    private DosageReader() {}

    static org.vigil.rules.Dosage read(MedicationRequest order) {
        // getDosageInstruction() creates an empty list on a resource without one; read the field once.
        List<Dosage> instructions = order.getDosageInstruction();
        if (instructions.isEmpty()) {
            return org.vigil.rules.Dosage.UNSTATED;
        }
        Dosage dosage = instructions.get(0);
        BigDecimal dose = null;
        String unit = null;
        if (dosage.hasDoseAndRate()) {
            Type given = dosage.getDoseAndRateFirstRep().getDose();
            Quantity quantity = given instanceof Quantity q
                    ? q
                    : given instanceof Range range && range.hasHigh() ? range.getHigh() : null;
            if (quantity != null && quantity.getValue() != null) {
                unit = unitOf(quantity);
                dose = unit == null ? null : quantity.getValue();
            }
        }
        double[] frequency = frequency(dosage.hasTiming() ? dosage.getTiming() : null);
        String route = null;
        String routeText = null;
        if (dosage.hasRoute()) {
            CodeableConcept concept = dosage.getRoute();
            route = route(concept);
            routeText = PatientContextAssembler.textOf(concept);
        }
        return new org.vigil.rules.Dosage(
                dose,
                unit,
                frequency[0],
                frequency[1],
                route,
                routeText,
                timingText(dosage),
                dosage.hasAsNeededBooleanType()
                        ? dosage.getAsNeededBooleanType().booleanValue()
                        : dosage.hasAsNeeded());
    }

    /** The unit in the words the rules use: UCUM code first, then the unit text. */
    static String unitOf(Quantity quantity) {
        String raw = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String unit = raw.strip().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "mg", "milligram", "milligrams" -> "mg";
            case "g", "gram", "grams" -> "g";
            case "mcg", "ug", "microgram", "micrograms" -> "mcg";
            case "mg/kg" -> "mg/kg";
            case "ml", "milliliter", "millilitre" -> "ml";
            case "{tbl}", "tab", "tabs", "tablet", "tablets" -> "tablet";
            case "{cap}", "cap", "caps", "capsule", "capsules" -> "capsule";
            case "{patch}", "patch", "patches" -> "patch";
            case "mcg/h", "ug/h", "mcg/hr" -> "mcg/h";
            default -> unit;
        };
    }

    /** {administrations per dosing day, days between dosing days}, NaN for what the timing does not say. */
    static double[] frequency(Timing timing) {
        if (timing == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (timing.hasRepeat()) {
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            if (repeat.hasPeriod() && repeat.hasPeriodUnit()) {
                int count = repeat.hasFrequencyMax()
                        ? repeat.getFrequencyMax()
                        : repeat.hasFrequency() ? repeat.getFrequency() : 1;
                double period = repeat.getPeriod().doubleValue();
                double days = days(period, repeat.getPeriodUnit());
                if (!Double.isNaN(days) && days > 0) {
                    // A day with several administrations, or dosing days some days apart: three times a
                    // week is one administration on each of three days, 7/3 days apart on average.
                    return days <= 1.0 ? new double[] {count / days, 1.0} : new double[] {1.0, days / count};
                }
            }
            if (repeat.hasTimeOfDay()) {
                return new double[] {repeat.getTimeOfDay().size(), 1.0};
            }
            if (repeat.hasWhen()) {
                return new double[] {repeat.getWhen().size(), 1.0};
            }
        }
        if (timing.hasCode()) {
            for (Coding coding : timing.getCode().getCoding()) {
                double[] known = coding.getCode() == null
                        ? null
                        : TIMING_CODES.get(coding.getCode().toLowerCase(Locale.ROOT));
                if (known != null) {
                    return known.clone();
                }
            }
            String text = timing.getCode().getText();
            double[] known = text == null ? null : TIMING_CODES.get(text.strip().toLowerCase(Locale.ROOT));
            if (known != null) {
                return known.clone();
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private static double days(double period, Timing.UnitsOfTime unit) {
        return switch (unit) {
            case S -> period / 86_400.0;
            case MIN -> period / 1_440.0;
            case H -> period / 24.0;
            case D -> period;
            case WK -> period * 7.0;
            case MO -> period * 30.0;
            case A -> period * 365.0;
            default -> Double.NaN;
        };
    }

    static String route(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (coding.getCode() != null) {
                String route = ROUTES.get(
                        SNOMED.equals(coding.getSystem())
                                ? coding.getCode()
                                : coding.getCode().toLowerCase(Locale.ROOT));
                if (route != null) {
                    return route;
                }
            }
        }
        for (Coding coding : concept.getCoding()) {
            String route = coding.getDisplay() == null
                    ? null
                    : ROUTES.get(coding.getDisplay().strip().toLowerCase(Locale.ROOT));
            if (route != null) {
                return route;
            }
        }
        return concept.getText() == null
                ? null
                : ROUTES.get(concept.getText().strip().toLowerCase(Locale.ROOT));
    }

    /** The timing in words ("every 4-6 hours", "3 times a day", "once a week"), or the timing code's text. */
    private static String timingText(Dosage dosage) {
        if (!dosage.hasTiming()) {
            return null;
        }
        Timing timing = dosage.getTiming();
        if (timing.hasCode()) {
            String text = PatientContextAssembler.textOf(timing.getCode());
            if (text != null) {
                return text;
            }
        }
        if (timing.hasRepeat()) {
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            if (repeat.hasPeriod() && repeat.hasPeriodUnit()) {
                int count = repeat.hasFrequency() ? repeat.getFrequency() : 1;
                String unit = repeat.getPeriodUnit().getDisplay().toLowerCase(Locale.ROOT);
                String period = repeat.getPeriod().stripTrailingZeros().toPlainString();
                if (repeat.hasPeriodMax()) {
                    period += "-" + repeat.getPeriodMax().stripTrailingZeros().toPlainString();
                }
                if (count == 1 && !"1".equals(period)) {
                    return "every " + period + " " + unit + "s";
                }
                String times = count == 1 ? "once" : count == 2 ? "twice" : count + " times";
                return "1".equals(period) ? times + " a " + unit : times + " every " + period + " " + unit + "s";
            }
        }
        return null;
    }
}
