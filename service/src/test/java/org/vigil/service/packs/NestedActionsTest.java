package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.SelectionBehavior;
import org.vigil.cdshooks.response.Suggestion;

/**
 * Nested actions as FHIR Clinical Reasoning defines them: a child applies only when its parent
 * does, and the parent's selectionBehavior chooses among the children that apply. Children without
 * a definition are cards (the parent is a group); children naming an ActivityDefinition are
 * suggestions on the parent's card.
 */
class NestedActionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final RulePackLoader LOADER = new RulePackLoader(FHIR, new R4FhirModelResolver());

    private static final String CQL = """
            library Nested version '1.0.0'

            using FHIR version '4.0.1'

            include FHIRHelpers version '4.0.1' called FHIRHelpers

            codesystem "SNOMED": 'http://snomed.info/sct'
            code "Diabetes": '44054006' from "SNOMED"

            context Patient

            define "Has Diabetes": exists [Condition: "Diabetes"]

            define "Yes": true

            define "No": false

            define "Greeting": 'Summary from CQL'
            """;

    private static final String ACTIONS = """
            [
              %s,
              %s,
              %s,
              %s,
              %s,
              %s,
              %s,
              %s,
              %s,
              %s
            ]
            """.formatted(
            group("any", "any", card("any-1", "Yes"), card("any-2", "No"), card("any-3", "Yes")),
            group("one", "exactly-one", card("one-1", "No"), card("one-2", "Yes"), card("one-3", "Yes")),
            group("most", "at-most-one", card("most-1", "No"), card("most-2", "No")),
            group("more", "one-or-more", card("more-1", "Yes"), card("more-2", "Yes")),
            group("part", "all-or-none", card("part-1", "Yes"), card("part-2", "No")),
            group("whole", "all-or-none", card("whole-1", "Yes"), card("whole-2", "Yes")),
            cardWith(
                    "offers",
                    "any",
                    suggestion("s-lab", "Yes", "lab"),
                    suggestion("s-no", "No", "lab"),
                    suggestion("s-drug", "Yes", "drug")),
            cardWith("pick", "at-most-one", suggestion("p-lab", "Yes", "lab"), suggestion("p-drug", "Yes", "drug")),
            cardWith("bundle", "all", suggestion("b-lab", "Yes", "lab"), suggestion("b-drug", "Yes", "drug")),
            cardWith(
                    "bundle-broken",
                    "all-or-none",
                    suggestion("bb-lab", "Yes", "lab"),
                    suggestion("bb-drug", "No", "drug")));

    private static final PackService SERVICE =
            LOADER.load("nested", pack(ACTIONS)).services().get(0);

    @Test
    void nothingNestedAppliesWhenTheParentDoesNot() {
        assertThat(RulePacks.evaluate(SERVICE, request(false), ZonedDateTime.now()))
                .isEmpty();
    }

    @Test
    void selectionBehaviourChoosesAmongTheChildCardsThatApply() {
        List<String> shown = RulePacks.evaluate(SERVICE, request(true), ZonedDateTime.now()).stream()
                .map(PackFinding::ruleId)
                .map(id -> id.substring("pack:nested-service/".length()))
                .toList();
        assertThat(shown)
                .containsExactly(
                        // any: every child that applies
                        "any-1",
                        "any-3",
                        // exactly-one: the first that applies, in the pack's order
                        "one-2",
                        // at-most-one: none apply, none shown; one-or-more: every one that applies
                        "more-1",
                        "more-2",
                        // all-or-none: part-2 does not apply, so neither is shown; whole: both
                        "whole-1",
                        "whole-2",
                        "offers",
                        "pick",
                        "bundle",
                        "bundle-broken");
    }

    @Test
    void aChildCardKeepsItsOwnTitleAndDynamicValue() {
        PackFinding any1 = byRule().get("pack:nested-service/any-1");
        assertThat(any1.summary()).isEqualTo("Summary from CQL");
        assertThat(byRule().get("pack:nested-service/any-3").summary()).isEqualTo("Card any-3");
    }

    @Test
    void suggestionsThatApplyBecomeTheCardsSuggestionsEachCreatingADraftOrderForThePatient() {
        Card card = PackCards.card(SERVICE, byRule().get("pack:nested-service/offers"));

        assertThat(card.selectionBehavior()).isEqualTo(SelectionBehavior.ANY);
        assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly("Suggest s-lab", "Suggest s-drug");
        var lab = card.suggestions().get(0).actions().get(0);
        assertThat(lab.type()).isEqualTo(ActionType.CREATE);
        assertThat(lab.description()).isEqualTo("Order an HbA1c");
        ServiceRequest order = (ServiceRequest) lab.resource();
        assertThat(order.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
        assertThat(order.getCode().getCodingFirstRep().getCode()).isEqualTo("4548-4");
        assertThat(order.getSubject().getReference()).isEqualTo("Patient/nested-1");
        MedicationRequest drug =
                (MedicationRequest) card.suggestions().get(1).actions().get(0).resource();
        assertThat(drug.getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("6809");
        assertThat(drug.getSubject().getReference()).isEqualTo("Patient/nested-1");
    }

    @Test
    void atMostOneLetsTheClinicianTakeOneSuggestion() {
        Card card = PackCards.card(SERVICE, byRule().get("pack:nested-service/pick"));
        assertThat(card.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
        assertThat(card.suggestions()).hasSize(2);
    }

    @Test
    void allTakesTheSuggestionsTogetherAndAllOrNoneOffersNothingWhenOneDoesNotApply() {
        Card together = PackCards.card(SERVICE, byRule().get("pack:nested-service/bundle"));
        assertThat(together.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Suggest b-lab and Suggest b-drug");
            assertThat(s.actions()).hasSize(2);
        });
        Card broken = PackCards.card(SERVICE, byRule().get("pack:nested-service/bundle-broken"));
        assertThat(broken.suggestions()).isEmpty();
        assertThat(broken.selectionBehavior()).isNull();
    }

    @Test
    void aPackMixingCardsAndSuggestionsUnderOneParentOrWithAnUnknownDefinitionIsRejected() {
        String mixed = "[" + cardWith("mixed", "any", suggestion("m-lab", "Yes", "lab"), card("m-card", "Yes")) + "]";
        assertThatThrownBy(() -> LOADER.load("mixed", pack(mixed)))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("action mixed: its nested actions mix suggestions and cards");
        String unknown = "[" + cardWith("unknown", "any", suggestion("u-lab", "Yes", "nowhere")) + "]";
        assertThatThrownBy(() -> LOADER.load("unknown", pack(unknown)))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("names ActivityDefinition http://x.invalid/ActivityDefinition/nowhere");
        String topLevelSuggestion = "["
                + suggestion("alone", "Has Diabetes", "lab")
                        .replace("{\"id\": \"alone\"", "{\"id\": \"alone\", " + TRIGGER)
                + "]";
        assertThatThrownBy(() -> LOADER.load("alone", pack(topLevelSuggestion)))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("a suggestion must be nested in a card's action");
    }

    private static Map<String, PackFinding> byRule() {
        return RulePacks.evaluate(SERVICE, request(true), ZonedDateTime.now()).stream()
                .collect(Collectors.toMap(PackFinding::ruleId, Function.identity()));
    }

    private static final String TRIGGER = "\"trigger\": [{\"type\": \"named-event\", \"name\": \"patient-view\"}]";

    private static String condition(String expression) {
        return "\"condition\": [{\"kind\": \"applicability\", \"expression\": {\"language\": \"text/cql.identifier\","
                + " \"expression\": \"" + expression + "\"}}]";
    }

    private static String group(String id, String selection, String... children) {
        return "{\"id\": \"" + id + "\", \"title\": \"Group " + id + "\", " + TRIGGER + ", " + condition("Has Diabetes")
                + ", \"selectionBehavior\": \"" + selection + "\", \"action\": [" + String.join(", ", children) + "]}";
    }

    private static String card(String id, String expression) {
        String dynamic = id.equals("any-1")
                ? ", \"dynamicValue\": [{\"path\": \"summary\", \"expression\": {\"language\": \"text/cql.identifier\","
                        + " \"expression\": \"Greeting\"}}]"
                : "";
        return "{\"id\": \"" + id + "\", \"title\": \"Card " + id + "\", " + condition(expression) + dynamic + "}";
    }

    private static String cardWith(String id, String selection, String... children) {
        return "{\"id\": \"" + id + "\", \"title\": \"Card " + id + "\", \"priority\": \"urgent\", " + TRIGGER + ", "
                + condition("Has Diabetes") + ", \"selectionBehavior\": \"" + selection + "\", \"action\": ["
                + String.join(", ", children) + "]}";
    }

    private static String suggestion(String id, String expression, String definition) {
        return "{\"id\": \"" + id + "\", \"title\": \"Suggest " + id + "\", " + condition(expression)
                + ", \"type\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/action-type\","
                + " \"code\": \"create\"}]}, \"definitionCanonical\": \"http://x.invalid/ActivityDefinition/"
                + definition + "\"}";
    }

    private static List<IBaseResource> pack(String actions) {
        String data = Base64.getEncoder().encodeToString(CQL.getBytes(StandardCharsets.UTF_8));
        List<String> json = new ArrayList<>();
        json.add("""
                {"resourceType": "Library", "id": "Nested", "url": "http://x.invalid/Library/Nested", "status": "active",
                 "content": [{"contentType": "text/cql", "data": "%s"}]}
                """.formatted(data));
        json.add("""
                {"resourceType": "ActivityDefinition", "id": "lab", "url": "http://x.invalid/ActivityDefinition/lab",
                 "status": "active", "kind": "ServiceRequest", "description": "Order an HbA1c",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c"}]}}
                """);
        json.add("""
                {"resourceType": "ActivityDefinition", "id": "drug", "url": "http://x.invalid/ActivityDefinition/drug",
                 "status": "active", "kind": "MedicationRequest", "title": "Start metformin",
                 "productCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                   "code": "6809", "display": "metformin"}]}}
                """);
        json.add("""
                {"resourceType": "PlanDefinition", "id": "nested-service", "title": "Nested", "status": "active",
                 "library": ["http://x.invalid/Library/Nested"], "action": %s}
                """.formatted(actions));
        return json.stream()
                .map(j -> (IBaseResource) FHIR.newJsonParser().parseResource(j))
                .toList();
    }

    private static CdsRequest request(boolean diabetes) {
        String conditions = diabetes ? """
                  {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
                    "resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/nested-1"},
                    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "44054006"}]}}}]}""" : "{\"resourceType\": \"Bundle\", \"type\": \"searchset\"}";
        String json = """
                {"hook": "patient-view", "hookInstance": "0b5a8f1e-5a3e-4c44-9e43-2f6c0a3b9d10",
                 "context": {"userId": "Practitioner/p1", "patientId": "nested-1"},
                 "prefetch": {"patient": {"resourceType": "Patient", "id": "nested-1"}, "condition": %s}}
                """.formatted(conditions);
        return new CdsHooksCodec(FHIR).decodeRequest(json.getBytes(StandardCharsets.UTF_8));
    }
}
