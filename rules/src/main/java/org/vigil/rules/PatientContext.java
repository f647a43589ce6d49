package org.vigil.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vigil.allergy.PatientAllergy;
import org.vigil.disease.PatientCondition;
import org.vigil.lab.LabResult;
import org.vigil.lab.OtherResult;
import org.vigil.lab.UncomparableResult;

/**
 * The normalized facts of one hook call: who the patient is, what is ordered, what they take,
 * what they react to, their conditions, and their latest results in canonical units.
 *
 * @param uncomparableResults results of catalog analytes whose unit cannot be converted
 * @param otherResults the latest result per LOINC code the lab catalog does not know (drug levels),
 *     whatever its value: that the test was done, and when
 */
public record PatientContext(
        Patient patient,
        List<DraftOrder> draftOrders,
        List<ActiveMedication> activeMedications,
        List<PatientAllergy> allergies,
        List<PatientCondition> conditions,
        List<LabResult> results,
        List<UncomparableResult> uncomparableResults,
        List<OtherResult> otherResults) {

    public PatientContext {
        Objects.requireNonNull(patient, "patient");
        draftOrders = List.copyOf(draftOrders);
        activeMedications = List.copyOf(activeMedications);
        allergies = List.copyOf(allergies);
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
        uncomparableResults = List.copyOf(uncomparableResults);
        otherResults = List.copyOf(otherResults);
    }

    /** A context without results outside the lab catalog. */
    public PatientContext(
            Patient patient,
            List<DraftOrder> draftOrders,
            List<ActiveMedication> activeMedications,
            List<PatientAllergy> allergies,
            List<PatientCondition> conditions,
            List<LabResult> results,
            List<UncomparableResult> uncomparableResults) {
        this(patient, draftOrders, activeMedications, allergies, conditions, results, uncomparableResults, List.of());
    }

    /** Medications and allergies only, for an unknown patient; what the medication checks need. */
    public static PatientContext of(
            List<DraftOrder> draftOrders, List<ActiveMedication> activeMedications, List<PatientAllergy> allergies) {
        return new PatientContext(
                Patient.unknown(LocalDate.now()),
                draftOrders,
                activeMedications,
                allergies,
                List.of(),
                List.of(),
                List.of());
    }

    List<Object> facts() {
        List<Object> facts = new ArrayList<>(1
                + draftOrders.size()
                + activeMedications.size()
                + allergies.size()
                + conditions.size()
                + results.size()
                + uncomparableResults.size()
                + otherResults.size());
        facts.add(patient);
        facts.addAll(draftOrders);
        facts.addAll(activeMedications);
        facts.addAll(allergies);
        facts.addAll(conditions);
        facts.addAll(results);
        facts.addAll(uncomparableResults);
        facts.addAll(otherResults);
        return facts;
    }
}
