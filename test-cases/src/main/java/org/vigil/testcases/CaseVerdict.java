package org.vigil.testcases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.response.Action;
import org.vigil.cdshooks.response.ActionType;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;

/**
 * How one replayed case went: the cards it got against the cards it expected. Exact: a missing
 * card and an extra card both fail the case; so does a card whose suggestions do not create a
 * resource the case expects (a lab order by its LOINC code).
 */
public record CaseVerdict(TestCase testCase, int status, List<ExpectedCard> actual, List<String> problems) {

    /** The card extension key carrying the rule id (see the service's card factory). */
    public static final String RULE_ID_EXTENSION = "org.vigil.ruleId";

    public boolean passed() {
        return problems.isEmpty();
    }

    public static CaseVerdict judge(TestCase testCase, int status, byte[] body, CdsHooksCodec codec) {
        Expectation expected = testCase.expected();
        List<String> problems = new ArrayList<>();
        List<ExpectedCard> actual = List.of();
        if (status != expected.status()) {
            problems.add("expected HTTP " + expected.status() + " but got " + status);
        }
        if (status == 200) {
            CdsResponse response = codec.decodeResponse(body);
            actual = response.cards().stream()
                    .map(CaseVerdict::asExpected)
                    .sorted()
                    .toList();
            List<ExpectedCard> missing = new ArrayList<>(expected.cards());
            List<ExpectedCard> extra = new ArrayList<>();
            for (ExpectedCard card : actual) {
                if (!missing.remove(card)) {
                    extra.add(card);
                }
            }
            if (!missing.isEmpty()) {
                problems.add("missing cards " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add("unexpected cards " + extra);
            }
            for (ExpectedAction wanted : expected.creates()) {
                if (response.cards().stream()
                        .filter(card -> wanted.ruleId().equals(ruleIdOf(card)))
                        .flatMap(card -> card.suggestions().stream())
                        .flatMap(suggestion -> suggestion.actions().stream())
                        .noneMatch(action -> creates(action, wanted))) {
                    problems.add("no suggestion on the card of " + wanted.ruleId() + " creates " + wanted.resourceType()
                            + " " + wanted.system() + "|" + wanted.code());
                }
            }
        }
        return new CaseVerdict(testCase, status, actual, problems);
    }

    private static ExpectedCard asExpected(Card card) {
        return new ExpectedCard(ruleIdOf(card), card.indicator().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String ruleIdOf(Card card) {
        Map<String, Object> extension = card.extension();
        Object ruleId = extension == null ? null : extension.get(RULE_ID_EXTENSION);
        return ruleId == null ? "(no rule id)" : ruleId.toString();
    }

    /** Whether the action creates a resource of the wanted type coded with the wanted code. */
    private static boolean creates(Action action, ExpectedAction wanted) {
        if (action.type() != ActionType.CREATE || !(action.resource() instanceof Resource resource)) {
            return false;
        }
        if (!resource.fhirType().equals(wanted.resourceType())) {
            return false;
        }
        CodeableConcept code = null;
        if (resource instanceof ServiceRequest request) {
            code = request.getCode();
        } else if (resource instanceof MedicationRequest request && request.hasMedicationCodeableConcept()) {
            code = request.getMedicationCodeableConcept();
        }
        return code != null
                && code.getCoding().stream()
                        .anyMatch(coding -> wanted.system().equals(coding.getSystem())
                                && wanted.code().equals(coding.getCode()));
    }

    /** How many of the expected cards came back (same rule, same indicator). */
    public int detected() {
        List<ExpectedCard> remaining = new java.util.ArrayList<>(actual);
        int found = 0;
        for (ExpectedCard expected : testCase.expected().cards()) {
            if (remaining.remove(expected)) {
                found++;
            }
        }
        return found;
    }

    /** Whether an interruptive card (warning or critical) came back on a case that must not alert. */
    public boolean interruptedWhenItMustNot() {
        return testCase.expected().mustNotAlert()
                && actual.stream().anyMatch(card -> !card.indicator().equals("info"));
    }
}
