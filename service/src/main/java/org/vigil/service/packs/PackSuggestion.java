package org.vigil.service.packs;

import java.util.Objects;
import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vigil.cdshooks.response.Action;

/**
 * What a suggestion action creates: the ActivityDefinition it names (action.definitionCanonical),
 * applied for the patient as a draft order, as FHIR Clinical Reasoning {@code $apply} does for the
 * two kinds Vigil supports, ServiceRequest (code) and MedicationRequest (product and dosage).
 *
 * @param definition the ActivityDefinition, as loaded with the pack
 * @param description what the action says it does: the definition's description, else its title,
 *     else the suggestion's label
 */
public record PackSuggestion(ActivityDefinition definition, String description) {

    public PackSuggestion {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(description, "description");
    }

    /** The kinds of ActivityDefinition a suggestion can apply. */
    static boolean supports(ActivityDefinition definition) {
        return definition.getKind() == ActivityDefinition.ActivityDefinitionKind.SERVICEREQUEST
                || definition.getKind() == ActivityDefinition.ActivityDefinitionKind.MEDICATIONREQUEST;
    }

    /** The CDS Hooks create action for this patient. */
    Action action(String patientReference) {
        return Action.create(description, resource(patientReference));
    }

    private Resource resource(String patientReference) {
        Reference subject = new Reference(patientReference);
        if (definition.getKind() == ActivityDefinition.ActivityDefinitionKind.MEDICATIONREQUEST) {
            MedicationRequest order = new MedicationRequest();
            order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
            order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
            order.setMedication(definition.getProductCodeableConcept().copy());
            definition.getDosage().forEach(dosage -> order.addDosageInstruction(dosage.copy()));
            order.setSubject(subject);
            if (definition.hasUrl()) {
                order.addInstantiatesCanonical(definition.getUrl());
            }
            return order;
        }
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(definition.getCode().copy());
        request.setSubject(subject);
        if (definition.hasUrl()) {
            request.addInstantiatesCanonical(definition.getUrl());
        }
        return request;
    }
}
