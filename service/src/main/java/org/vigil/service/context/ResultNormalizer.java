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
import org.vigil.lab.UncomparableResult;

/**
 * Laboratory and vital-sign Observations to the latest result per analyte, in the analyte's
 * canonical unit, with the previous result for the trend. Results in error or cancelled are
 * ignored; a result whose unit cannot be converted is reported, not compared; components of a
 * panel (blood pressure in 85354-9) count as results of their own.
 */
final class ResultNormalizer {

    static final String LOINC = "http://loinc.org";

    record Results(List<LabResult> latest, List<UncomparableResult> uncomparable) {}

    Results normalize(LabCatalog labs, Bundle... bundles) {
        Map<String, Series> byAnalyte = new HashMap<>();
        List<UncomparableResult> uncomparable = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle == null) {
                continue;
            }
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() instanceof Observation observation && counts(observation)) {
                    String reference = PatientContextAssembler.referenceOf(observation, "Observation/entry");
                    Instant effective = effectiveOf(observation);
                    if (observation.hasValueQuantity()) {
                        add(
                                labs,
                                reference,
                                observation.getCode(),
                                observation.getValueQuantity(),
                                effective,
                                byAnalyte,
                                uncomparable);
                    }
                    for (Observation.ObservationComponentComponent component : observation.getComponent()) {
                        if (component.hasValueQuantity()) {
                            add(
                                    labs,
                                    reference,
                                    component.getCode(),
                                    component.getValueQuantity(),
                                    effective,
                                    byAnalyte,
                                    uncomparable);
                        }
                    }
                }
            }
        }
        List<LabResult> latest = new ArrayList<>(byAnalyte.size());
        for (Series series : byAnalyte.values()) {
            latest.add(series.result());
        }
        return new Results(latest, uncomparable);
    }

    /** Only results that stand: a registered order has no value, cancelled and erroneous ones never counted. */
    private static boolean counts(Observation observation) {
        if (!observation.hasStatus()) {
            return true;
        }
        return switch (observation.getStatus()) {
            case FINAL, AMENDED, CORRECTED, PRELIMINARY -> true;
            default -> false;
        };
    }

    private static void add(
            LabCatalog labs,
            String reference,
            CodeableConcept code,
            Quantity quantity,
            Instant effective,
            Map<String, Series> byAnalyte,
            List<UncomparableResult> uncomparable) {
        Analyte analyte = analyteOf(labs, code);
        if (analyte == null || !quantity.hasValue()) {
            return;
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        double value = quantity.getValue().doubleValue();
        double canonical = labs.canonicalValueOrNaN(analyte, value, unit);
        if (Double.isNaN(canonical)) {
            Conversion conversion = labs.toCanonical(analyte, value, unit);
            String reason = conversion instanceof Conversion.NotConvertible refused
                    ? refused.message()
                    : "unit '" + unit + "' cannot be compared";
            uncomparable.add(new UncomparableResult(reference, analyte.id(), unit, reason));
            return;
        }
        String loinc = loincOf(code);
        byAnalyte
                .computeIfAbsent(analyte.id(), id -> new Series(analyte))
                .offer(reference, loinc, canonical, effective);
    }

    private static Analyte analyteOf(LabCatalog labs, CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            if (LOINC.equals(coding.getSystem()) && coding.hasCode()) {
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

    private static Instant effectiveOf(Observation observation) {
        if (observation.hasEffectiveDateTimeType()
                && observation.getEffectiveDateTimeType().getValue() != null) {
            return observation.getEffectiveDateTimeType().getValue().toInstant();
        }
        if (observation.hasEffectivePeriod()) {
            var period = observation.getEffectivePeriod();
            if (period.getEnd() != null) {
                return period.getEnd().toInstant();
            }
            if (period.getStart() != null) {
                return period.getStart().toInstant();
            }
        }
        if (observation.hasEffectiveInstantType()
                && observation.getEffectiveInstantType().getValue() != null) {
            return observation.getEffectiveInstantType().getValue().toInstant();
        }
        return observation.getIssued() == null ? null : observation.getIssued().toInstant();
    }

    /** The two most recent results of one analyte; an undated result ranks below any dated one. */
    private static final class Series {
        private final Analyte analyte;
        private String reference;
        private String loinc;
        private double value = Double.NaN;
        private Instant effective;
        private double previousValue = Double.NaN;
        private Instant previousEffective;
        private boolean any;

        Series(Analyte analyte) {
            this.analyte = analyte;
        }

        void offer(String reference, String loinc, double value, Instant effective) {
            if (!any || newer(effective, this.effective)) {
                if (any) {
                    previousValue = this.value;
                    previousEffective = this.effective;
                }
                this.reference = reference;
                this.loinc = loinc;
                this.value = value;
                this.effective = effective;
                any = true;
            } else if (Double.isNaN(previousValue) || newer(effective, previousEffective)) {
                previousValue = value;
                previousEffective = effective;
            }
        }

        private static boolean newer(Instant candidate, Instant current) {
            return candidate != null && (current == null || candidate.isAfter(current));
        }

        LabResult result() {
            return new LabResult(
                    reference,
                    analyte.id(),
                    loinc,
                    value,
                    analyte.canonicalUnit(),
                    effective,
                    previousValue,
                    previousEffective);
        }
    }
}
