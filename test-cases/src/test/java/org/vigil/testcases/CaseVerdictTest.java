package org.vigil.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Source;
import org.vigil.cdshooks.response.Suggestion;

/** The verdict's check of a card's suggested actions, without the server. */
class CaseVerdictTest {

    private final CdsHooksCodec codec = new CdsHooksCodec(FhirContext.forR4Cached());

    private byte[] responseOrdering(String loinc) {
        ServiceRequest lab = new ServiceRequest();
        lab.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        lab.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        lab.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, "test")));
        Card card = new Card(
                null,
                "Heparin: no platelet count",
                null,
                Indicator.WARNING,
                Source.of("Vigil"),
                List.of(new Suggestion("Order test", null, true, List.of(Action.create("Order test", lab)))),
                SelectionBehavior.AT_MOST_ONE,
                null,
                null,
                Map.of(CaseVerdict.RULE_ID_EXTENSION, "MON-002"));
        return codec.encodeResponse(CdsResponse.of(List.of(card)));
    }

    private static TestCase expecting(String loinc) {
        return new TestCase(
                "monitoring",
                "x",
                Path.of("x"),
                new byte[0],
                new Expectation(
                        "",
                        "order-sign-medication-safety",
                        200,
                        List.of(new ExpectedCard("MON-002", "warning")),
                        List.of(new ExpectedAction("MON-002", "ServiceRequest", "http://loinc.org", loinc))));
    }

    @Test
    void aSuggestionCreatingTheExpectedLabOrderPasses() {
        assertThat(CaseVerdict.judge(expecting("777-3"), 200, responseOrdering("777-3"), codec)
                        .problems())
                .isEmpty();
    }

    @Test
    void aSuggestionCreatingAnotherLabOrderFails() {
        assertThat(CaseVerdict.judge(expecting("777-3"), 200, responseOrdering("2823-3"), codec)
                        .problems())
                .singleElement()
                .asString()
                .contains("MON-002 creates ServiceRequest http://loinc.org|777-3");
    }
}
