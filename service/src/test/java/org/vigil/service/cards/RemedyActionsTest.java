package org.vigil.service.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Suggestion;
import org.vigil.rules.MedicationRef;
import org.vigil.rules.OrderState;
import org.vigil.rules.Remedy;

/** Suggestions act on the EHR's record with real FHIR resources, built from the draft as sent. */
class RemedyActionsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final MedicationRef METHOTREXATE =
            new MedicationRef("MedicationRequest/mtx", "methotrexate 2.5 MG Oral Tablet", OrderState.DRAFT);

    private static CardContext context() {
        MedicationRequest draft = FhirContext.forR4Cached().newJsonParser().parseResource(MedicationRequest.class, """
                        {"resourceType": "MedicationRequest", "id": "mtx", "status": "draft", "intent": "order",
                         "medicationCodeableConcept": {"text": "methotrexate 2.5 MG Oral Tablet"},
                         "subject": {"reference": "Patient/p1"},
                         "dosageInstruction": [{"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}},
                           "doseAndRate": [{"doseQuantity": {"value": 25, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}]}
                        """);
        return new CardContext("Patient/p1", Map.of("MedicationRequest/mtx", draft), NOW);
    }

    private static Action only(Suggestion suggestion) {
        assertThat(suggestion.actions()).hasSize(1);
        return suggestion.actions().get(0);
    }

    @Test
    void aCorrectedDoseUpdatesTheDraftKeepingEverythingElse() {
        CardContext context = context();
        Suggestion suggestion = RemedyActions.suggestion(
                new Remedy.ChangeDose(METHOTREXATE, new BigDecimal("15"), "mg"), context, true);

        Action action = only(suggestion);
        assertThat(action.type()).isEqualTo(ActionType.UPDATE);
        MedicationRequest updated = (MedicationRequest) action.resource();
        assertThat(updated.getIdElement().getIdPart()).isEqualTo("mtx");
        Quantity dose =
                updated.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertThat(dose.getValue()).isEqualByComparingTo("15");
        assertThat(dose.getCode()).isEqualTo("mg");
        assertThat(context.draft("MedicationRequest/mtx")
                        .getDosageInstructionFirstRep()
                        .getDoseAndRateFirstRep()
                        .getDoseQuantity()
                        .getValue())
                .as("the draft as sent is not changed")
                .isEqualByComparingTo("25");
    }

    @Test
    void onceWeeklyRewritesTheTiming() {
        Action action = only(RemedyActions.suggestion(new Remedy.MakeWeekly(METHOTREXATE), context(), true));

        Timing.TimingRepeatComponent repeat = ((MedicationRequest) action.resource())
                .getDosageInstructionFirstRep()
                .getTiming()
                .getRepeat();
        assertThat(repeat.getFrequency()).isEqualTo(1);
        assertThat(repeat.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.WK);
    }

    @Test
    void aMissingLabBecomesADraftServiceRequestCodedInLoincForThePatient() {
        Action action = only(RemedyActions.suggestion(
                new Remedy.OrderLab("6301-6", "INR", "warfarin monitoring"), context(), false));

        assertThat(action.type()).isEqualTo(ActionType.CREATE);
        ServiceRequest order = (ServiceRequest) action.resource();
        assertThat(order.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
        assertThat(order.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(order.getCode().getCodingFirstRep().getCode()).isEqualTo("6301-6");
        assertThat(order.getSubject().getReference()).isEqualTo("Patient/p1");
    }

    @Test
    void anUpdateOfADraftTheRequestDidNotCarryIsNotOffered() {
        MedicationRef unknown = new MedicationRef("MedicationRequest/other", "other", OrderState.DRAFT);

        assertThat(RemedyActions.suggestion(new Remedy.MakeWeekly(unknown), context(), true))
                .isNull();
        assertThat(RemedyActions.actsOnTheOrder(new Remedy.OrderLab("6301-6", "INR", null)))
                .isFalse();
        assertThat(List.of(new Remedy.RemoveOrder(unknown), new Remedy.ChangeDose(unknown, BigDecimal.ONE, "mg")))
                .allMatch(RemedyActions::actsOnTheOrder);
    }
}
