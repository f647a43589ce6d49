package org.vigil.service.suppression;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.vigil.knowledge.Ingredient;
import org.vigil.rules.Finding;
import org.vigil.rules.MedicationFact;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.PatientContext;

/**
 * The identity of an alert for suppression: the same user, the same patient, the same rule and the
 * same drugs (by ingredient, so a new order of the same drug is the same alert). A SHA-256 digest,
 * so neither memory holds who the patient is.
 */
public final class SuppressionKey {

    private SuppressionKey() {}

    /** Null when the call does not say who the user or the patient is: nothing can be suppressed then. */
    public static String of(String userId, String patientId, Finding finding, PatientContext context) {
        if (userId == null || userId.isBlank() || patientId == null || patientId.isBlank()) {
            return null;
        }
        List<String> drugs = new ArrayList<>(2);
        for (MedicationRef ref : finding.involved()) {
            drugs.add(drugOf(ref, context));
        }
        drugs.sort(null);
        String identity =
                userId + '\u0000' + patientId + '\u0000' + finding.ruleId() + '\u0000' + String.join(",", drugs);
        return digest(identity);
    }

    /**
     * An alert about the chart rather than an order (a rule pack's card): the same user, the same
     * patient and the same rule. Null when the call does not say who the user or the patient is.
     */
    public static String ofChart(String userId, String patientId, String ruleId) {
        if (userId == null || userId.isBlank() || patientId == null || patientId.isBlank()) {
            return null;
        }
        return digest(userId + '\u0000' + patientId + '\u0000' + ruleId + '\u0000' + "chart");
    }

    private static String drugOf(MedicationRef ref, PatientContext context) {
        MedicationFact fact = find(ref.reference(), context);
        if (fact != null && fact.medication().recognized()) {
            List<Integer> rxcuis = new ArrayList<>(2);
            for (Ingredient ingredient : fact.ingredients()) {
                rxcuis.add(ingredient.rxcui());
            }
            rxcuis.sort(null);
            return rxcuis.toString();
        }
        return ref.display().strip().toLowerCase(Locale.ROOT);
    }

    private static MedicationFact find(String reference, PatientContext context) {
        for (MedicationFact draft : context.draftOrders()) {
            if (draft.reference().equals(reference)) {
                return draft;
            }
        }
        for (MedicationFact active : context.activeMedications()) {
            if (active.reference().equals(reference)) {
                return active;
            }
        }
        return null;
    }

    static String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
