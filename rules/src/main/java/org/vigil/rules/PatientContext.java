package org.vigil.rules;

import java.util.ArrayList;
import java.util.List;
import org.vigil.allergy.PatientAllergy;

/** The normalized facts of one hook call: what is ordered, what the patient takes, what they react to. */
public record PatientContext(
        List<DraftOrder> draftOrders, List<ActiveMedication> activeMedications, List<PatientAllergy> allergies) {

    public PatientContext {
        draftOrders = List.copyOf(draftOrders);
        activeMedications = List.copyOf(activeMedications);
        allergies = List.copyOf(allergies);
    }

    List<Object> facts() {
        List<Object> facts = new ArrayList<>(draftOrders.size() + activeMedications.size() + allergies.size());
        facts.addAll(draftOrders);
        facts.addAll(activeMedications);
        facts.addAll(allergies);
        return facts;
    }
}
