package org.vigil.lab;

import java.util.ArrayList;
import java.util.List;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.knowledge.lab.Analyte;
import org.vigil.knowledge.lab.AnalyteKind;
import org.vigil.knowledge.lab.LabLimits;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Patient;

/** What the result checks (RES-001, RES-002) share: the analyte's name and limits, how limits read. */
final class LabChecks {

    private LabChecks() {}

    /** The patient as the finding's "order": a patient-view finding is about no medication. */
    static MedicationRef patientRef(Patient patient) {
        String reference = patient == null
                        || patient.reference() == null
                        || patient.reference().isBlank()
                ? "Patient/unknown"
                : patient.reference();
        return new MedicationRef(reference, "this patient", OrderState.ACTIVE);
    }

    /** The catalog analyte of a laboratory result; null for a vital sign or an unknown id. */
    static Analyte labAnalyte(KnowledgeSnapshot knowledge, String analyteId) {
        if (knowledge == null) {
            return null;
        }
        Analyte analyte = knowledge.labs().analyte(analyteId).orElse(null);
        return analyte != null && analyte.kind() == AnalyteKind.LAB ? analyte : null;
    }

    /**
     * The limits a laboratory analyte is judged by for this patient, or null: the row for the
     * patient's sex where the table has one (hemoglobin, creatinine), else the adult row.
     */
    static LabLimits limits(KnowledgeSnapshot knowledge, String analyteId, Patient patient) {
        Analyte analyte = labAnalyte(knowledge, analyteId);
        return analyte == null
                ? null
                : knowledge
                        .labs()
                        .limitsForSex(analyte.id(), patient == null ? null : patient.sex())
                        .orElse(null);
    }

    /** {@code " (adult female)"} for a sex-specific row, else nothing. */
    static String population(LabLimits limits) {
        return switch (limits.population()) {
            case ADULT_FEMALE -> " (adult female)";
            case ADULT_MALE -> " (adult male)";
            default -> "";
        };
    }

    /** How many decimals the limits are written with (at most two), so a value reads like them. */
    static int scale(LabLimits limits) {
        int scale = 0;
        List<Double> values = new ArrayList<>(4);
        limits.referenceLow().ifPresent(values::add);
        limits.referenceHigh().ifPresent(values::add);
        limits.criticalLow().ifPresent(values::add);
        limits.criticalHigh().ifPresent(values::add);
        for (double value : values) {
            String text = ResultText.number(value);
            int dot = text.indexOf('.');
            scale = Math.max(scale, dot < 0 ? 0 : text.length() - dot - 1);
        }
        return scale;
    }

    /** {@code 3.6-4.8 mmol/L}, or null when the table gives no complete reference interval. */
    static String referenceInterval(LabLimits limits, String unit) {
        if (limits.referenceLow().isEmpty() || limits.referenceHigh().isEmpty()) {
            return null;
        }
        int scale = scale(limits);
        return ResultText.number(limits.referenceLow().getAsDouble(), scale) + "-"
                + ResultText.quantity(limits.referenceHigh().getAsDouble(), scale, unit);
    }

    /** {@code below 2.8 or above 6.2 mmol/L}, or null when the table gives no critical limit. */
    static String criticalLimits(LabLimits limits, String unit) {
        int scale = scale(limits);
        String low = limits.criticalLow().isPresent()
                ? "below " + ResultText.number(limits.criticalLow().getAsDouble(), scale)
                : null;
        String high = limits.criticalHigh().isPresent()
                ? "above " + ResultText.number(limits.criticalHigh().getAsDouble(), scale)
                : null;
        if (low == null && high == null) {
            return null;
        }
        String both = low == null ? high : high == null ? low : low + " or " + high;
        String shown = ResultText.unit(unit);
        return shown.isEmpty() ? both : both + " " + shown;
    }
}
