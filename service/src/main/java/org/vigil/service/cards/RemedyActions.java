package org.vigil.service.cards;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.rules.Remedy;

/**
 * Turns a finding's remedies into suggestions with real FHIR actions on the client's record:
 * delete the draft MedicationRequest, update it with a corrected dose or timing, create a draft
 * ServiceRequest for a missing lab, or create a draft MedicationRequest (naloxone).
 */
final class RemedyActions {

    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String UCUM = "http://unitsofmeasure.org";

    private RemedyActions() {}

    /** Null when the remedy cannot be acted on here (an update of a draft the request did not carry). */
    static Suggestion suggestion(Remedy remedy, CardContext context, boolean recommended) {
        Action action = action(remedy, context);
        if (action == null) {
            return null;
        }
        return new Suggestion(
                CardFactory.shorten(remedy.label()),
                UUID.randomUUID().toString(),
                recommended,
                java.util.List.of(action));
    }

    /** Whether the remedy changes or removes the draft order itself, so it excludes the others that do. */
    static boolean actsOnTheOrder(Remedy remedy) {
        return remedy instanceof Remedy.RemoveOrder
                || remedy instanceof Remedy.ChangeDose
                || remedy instanceof Remedy.MakeWeekly;
    }

    private static Action action(Remedy remedy, CardContext context) {
        // Java 17: no pattern matching in switch yet.
        if (remedy instanceof Remedy.RemoveOrder remove) {
            return Action.delete(
                    "Remove the draft order for " + remove.order().display(),
                    remove.order().reference());
        }
        if (remedy instanceof Remedy.ChangeDose change) {
            return changeDose(change, context);
        }
        if (remedy instanceof Remedy.MakeWeekly weekly) {
            return makeWeekly(weekly, context);
        }
        if (remedy instanceof Remedy.OrderLab lab) {
            return Action.create("Order " + lab.testName(), serviceRequest(lab, context));
        }
        Remedy.OrderMedication medication = (Remedy.OrderMedication) remedy;
        return Action.create("Order " + medication.display(), medicationRequest(medication, context));
    }

    private static Action changeDose(Remedy.ChangeDose change, CardContext context) {
        MedicationRequest draft = context.draft(change.order().reference());
        if (draft == null) {
            return null;
        }
        MedicationRequest corrected = draft.copy();
        Dosage dosage = corrected.getDosageInstructionFirstRep();
        Dosage.DosageDoseAndRateComponent doseAndRate = dosage.getDoseAndRateFirstRep();
        doseAndRate.setDose(new Quantity()
                .setValue(change.dose())
                .setUnit(change.unit())
                .setSystem(UCUM)
                .setCode(change.unit()));
        return Action.update(change.label(), corrected);
    }

    private static Action makeWeekly(Remedy.MakeWeekly weekly, CardContext context) {
        MedicationRequest draft = context.draft(weekly.order().reference());
        if (draft == null) {
            return null;
        }
        MedicationRequest corrected = draft.copy();
        Dosage dosage = corrected.getDosageInstructionFirstRep();
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(1).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        timing.setCode(new CodeableConcept().setText("once weekly"));
        dosage.setTiming(timing);
        return Action.update(weekly.label(), corrected);
    }

    private static ServiceRequest serviceRequest(Remedy.OrderLab lab, CardContext context) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept(new Coding(LOINC, lab.loinc(), lab.testName())).setText(lab.testName()));
        request.getCategoryFirstRep()
                .addCoding(new Coding("http://snomed.info/sct", "108252007", "Laboratory procedure"));
        if (context.patientReference() != null) {
            request.setSubject(new Reference(context.patientReference()));
        }
        request.setAuthoredOn(Date.from(context.now()));
        if (lab.reason() != null) {
            request.addReasonCode(new CodeableConcept().setText(lab.reason()));
        }
        return request;
    }

    private static MedicationRequest medicationRequest(Remedy.OrderMedication medication, CardContext context) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept(new Coding(RXNORM, medication.rxcui(), medication.display()))
                .setText(medication.display()));
        if (context.patientReference() != null) {
            request.setSubject(new Reference(context.patientReference()));
        }
        request.setAuthoredOn(Date.from(context.now()));
        if (medication.reason() != null) {
            request.addReasonCode(new CodeableConcept().setText(medication.reason()));
        }
        return request;
    }
}
