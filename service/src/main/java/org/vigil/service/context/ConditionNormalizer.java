package org.vigil.service.context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.vigil.disease.PatientCondition;
import org.vigil.knowledge.condition.ConditionGroups;

/** Condition resources to the condition groups their SNOMED CT or ICD-10-CM codes belong to. */
final class ConditionNormalizer {

    private ConditionNormalizer() {}

    static List<PatientCondition> conditions(Bundle bundle, ConditionGroups groups) {
        if (bundle == null) {
            return List.of();
        }
        List<PatientCondition> conditions = new ArrayList<>();
        int index = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Condition condition) {
                Set<String> groupsOf = new HashSet<>();
                String recordedCode = null;
                for (Coding coding : condition.getCode().getCoding()) {
                    if (coding.getSystem() != null && coding.getCode() != null) {
                        Set<String> matched = groups.groupsOf(coding.getSystem(), coding.getCode());
                        groupsOf.addAll(matched);
                        if (recordedCode == null || !matched.isEmpty()) {
                            recordedCode = systemLabel(coding.getSystem()) + " " + coding.getCode();
                        }
                    }
                }
                conditions.add(new PatientCondition(
                        PatientContextAssembler.referenceOf(condition, "Condition/entry-" + index++),
                        PatientContextAssembler.textOf(condition.getCode()),
                        groupsOf,
                        isActive(condition),
                        isRefuted(condition),
                        recordedCode));
            }
        }
        return conditions;
    }

    /** How a clinician names the code system on a card. */
    private static String systemLabel(String system) {
        return switch (system) {
            case "http://hl7.org/fhir/sid/icd-10-cm" -> "ICD-10-CM";
            case "http://snomed.info/sct" -> "SNOMED CT";
            default -> system;
        };
    }

    /** Active, recurrence and relapse stand; inactive, remission and resolved do not; unstated stands. */
    private static boolean isActive(Condition condition) {
        String status = PatientContextAssembler.codeOf(condition.getClinicalStatus());
        return status == null || status.equals("active") || status.equals("recurrence") || status.equals("relapse");
    }

    private static boolean isRefuted(Condition condition) {
        String verification = PatientContextAssembler.codeOf(condition.getVerificationStatus());
        return "refuted".equals(verification) || "entered-in-error".equals(verification);
    }
}
