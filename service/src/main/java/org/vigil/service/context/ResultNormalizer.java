package org.vigil.service.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.Conversion;
import org.vigil.knowledge.lab.LabCatalog;
import org.vigil.lab.LabResult;
import org.vigil.lab.OtherResult;
import org.vigil.lab.UncomparableResult;

/**
 * Laboratory and vital-sign Observations to the latest result per analyte, in the analyte's
 * canonical unit, with the previous result for the trend. Results in error or cancelled are
 * ignored; a result whose unit cannot be converted is reported, not compared; components of a
 * panel (blood pressure in 85354-9) count as results of their own. A result recorded under a LOINC
 * code the catalog does not know (a drug level, say) is kept as the latest per code, with any kind
 * of value, so a check can tell that the test was done and when.
 */
final class ResultNormalizer {

    static final String LOINC = "http://loinc.org";

    /** An undated result ranks below any dated one. */
    private static final long UNDATED = Long.MIN_VALUE;

    /**
     * @param latest the latest result per catalog analyte, in its canonical unit
     * @param uncomparable results of catalog analytes whose unit cannot be converted
     * @param other the latest result per LOINC code the catalog does not know
     */
    record Results(List<LabResult> latest, List<UncomparableResult> uncomparable, List<OtherResult> other) {}

    Results normalize(LabCatalog labs, Bundle... bundles) {
        Map<String, Series> byAnalyte = new HashMap<>();
        List<UncomparableResult> uncomparable = new ArrayList<>();
        // Made only when a result outside the catalog turns up; most charts have none.
        Map<String, Latest> byOtherLoinc = null;
        for (Bundle bundle : bundles) {
            if (bundle == null) {
                continue;
            }
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof Observation observation && counts(observation)) {
                    long effective = effectiveMillisOf(observation);
                    byOtherLoinc = offer(
                            labs,
                            observation,
                            observation.getCode(),
                            observation.getValue(),
                            effective,
                            byAnalyte,
                            uncomparable,
                            byOtherLoinc);
                    // getComponent() would create an empty list on every Observation that has none.
                    if (!observation.hasComponent()) {
                        continue;
                    }
                    for (Observation.ObservationComponentComponent component : observation.getComponent()) {
                        byOtherLoinc = offer(
                                labs,
                                observation,
                                component.getCode(),
                                component.getValue(),
                                effective,
                                byAnalyte,
                                uncomparable,
                                byOtherLoinc);
                    }
                }
            }
        }
        List<LabResult> latest = new ArrayList<>(byAnalyte.size());
        for (Series series : byAnalyte.values()) {
            latest.add(series.result());
        }
        List<OtherResult> other;
        if (byOtherLoinc == null) {
            other = List.of();
        } else {
            other = new ArrayList<>(byOtherLoinc.size());
            for (Map.Entry<String, Latest> kept : byOtherLoinc.entrySet()) {
                other.add(kept.getValue().result(kept.getKey()));
            }
        }
        return new Results(latest, uncomparable, other);
    }

    /**
     * One coded value (the Observation's own, or a component's): a quantity of a catalog analyte
     * joins its series; any value under a LOINC code the catalog does not know is kept as the latest
     * of that code. Returns the map of those, made on the first one.
     */
    private static Map<String, Latest> offer(
            LabCatalog labs,
            Observation observation,
            CodeableConcept code,
            org.hl7.fhir.r4.model.Type value,
            long effective,
            Map<String, Series> byAnalyte,
            List<UncomparableResult> uncomparable,
            Map<String, Latest> byOtherLoinc) {
        if (value == null || code == null) {
            return byOtherLoinc;
        }
        Analyte analyte = analyteOf(labs, code);
        if (analyte != null) {
            if (value instanceof Quantity quantity) {
                add(labs, analyte, observation, code, quantity, effective, byAnalyte, uncomparable);
            }
            return byOtherLoinc;
        }
        if (value.isEmpty()) {
            return byOtherLoinc;
        }
        for (Coding coding : code.getCoding()) {
            String loinc = coding.getCode();
            if (LOINC.equals(coding.getSystem()) && loinc != null && !loinc.isBlank()) {
                if (byOtherLoinc == null) {
                    byOtherLoinc = new HashMap<>();
                }
                Latest latest = byOtherLoinc.get(loinc);
                if (latest == null) {
                    byOtherLoinc.put(loinc, new Latest(observation, effective));
                } else {
                    latest.offer(observation, effective);
                }
            }
        }
        return byOtherLoinc;
    }

    /** Only results that stand: a registered order has no value, cancelled and erroneous ones never counted. */
    private static boolean counts(Observation observation) {
        Observation.ObservationStatus status = observation.getStatus();
        if (status == null) {
            return true;
        }
        return switch (status) {
            case FINAL, AMENDED, CORRECTED, PRELIMINARY -> true;
            default -> false;
        };
    }

    private static void add(
            LabCatalog labs,
            Analyte analyte,
            Observation observation,
            CodeableConcept code,
            Quantity quantity,
            long effective,
            Map<String, Series> byAnalyte,
            List<UncomparableResult> uncomparable) {
        java.math.BigDecimal amount = quantity.getValue();
        if (amount == null) {
            return;
        }
        String unit = quantity.getCode() != null ? quantity.getCode() : quantity.getUnit();
        double value = amount.doubleValue();
        double canonical = labs.canonicalValueOrNaN(analyte, value, unit);
        if (Double.isNaN(canonical)) {
            Conversion conversion = labs.toCanonical(analyte, value, unit);
            String reason = conversion instanceof Conversion.NotConvertible refused
                    ? refused.message()
                    : "unit '" + unit + "' cannot be compared";
            uncomparable.add(new UncomparableResult(
                    referenceOf(observation), analyte.id(), unit, reason, Series.instant(effective)));
            return;
        }
        String loinc = loincOf(code);
        Series series = byAnalyte.get(analyte.id());
        if (series == null) {
            series = new Series(analyte);
            byAnalyte.put(analyte.id(), series);
        }
        series.offer(observation, loinc, canonical, effective);
    }

    private static Analyte analyteOf(LabCatalog labs, CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (LOINC.equals(coding.getSystem()) && coding.getCode() != null) {
                Analyte analyte = labs.analyteForLoinc(coding.getCode()).orElse(null);
                if (analyte != null) {
                    return analyte;
                }
            }
        }
        return null;
    }

    private static String loincOf(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (LOINC.equals(coding.getSystem())) {
                return coding.getCode();
            }
        }
        return null;
    }

    /**
     * When the result applies: effective time (a period's end, else its start), else issued. Read
     * from the fields directly: HAPI's {@code hasX()} walks the element tree on every call.
     */
    private static long effectiveMillisOf(Observation observation) {
        org.hl7.fhir.r4.model.Type effective = observation.getEffective();
        java.util.Date when = null;
        if (effective instanceof org.hl7.fhir.r4.model.DateTimeType dateTime) {
            when = dateTime.getValue();
        } else if (effective instanceof org.hl7.fhir.r4.model.Period period) {
            when = period.getEnd() != null ? period.getEnd() : period.getStart();
        } else if (effective instanceof org.hl7.fhir.r4.model.InstantType instant) {
            when = instant.getValue();
        }
        if (when == null) {
            when = observation.getIssued();
        }
        return when == null ? UNDATED : when.getTime();
    }

    private static String referenceOf(Observation observation) {
        return PatientContextAssembler.referenceOf(observation, "Observation/unidentified");
    }

    /** The most recent result under one LOINC code outside the catalog; an undated one ranks last. */
    private static final class Latest {
        private Observation observation;
        private long effective;

        Latest(Observation observation, long effective) {
            this.observation = observation;
            this.effective = effective;
        }

        void offer(Observation candidate, long when) {
            if (when > effective) {
                observation = candidate;
                effective = when;
            }
        }

        OtherResult result(String loinc) {
            return new OtherResult(referenceOf(observation), loinc, Series.instant(effective));
        }
    }

    /**
     * The two most recent results of one analyte. The Observation reference and the instants are
     * only made for the results that are kept.
     */
    private static final class Series {
        private final Analyte analyte;
        private Observation observation;
        private String loinc;
        private double value = Double.NaN;
        private long effective = UNDATED;
        private double previousValue = Double.NaN;
        private long previousEffective = UNDATED;

        Series(Analyte analyte) {
            this.analyte = analyte;
        }

        void offer(Observation candidate, String candidateLoinc, double candidateValue, long when) {
            if (observation == null || when > effective) {
                if (observation != null) {
                    previousValue = value;
                    previousEffective = effective;
                }
                observation = candidate;
                loinc = candidateLoinc;
                value = candidateValue;
                effective = when;
            } else if (Double.isNaN(previousValue) || when > previousEffective) {
                previousValue = candidateValue;
                previousEffective = when;
            }
        }

        LabResult result() {
            return new LabResult(
                    referenceOf(observation),
                    analyte.id(),
                    loinc,
                    value,
                    analyte.canonicalUnit(),
                    instant(effective),
                    previousValue,
                    instant(previousEffective));
        }

        static Instant instant(long millis) {
            return millis == UNDATED ? null : Instant.ofEpochMilli(millis);
        }
    }
}
