package org.vigil.testcases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.response.Card;
import org.vigil.cdshooks.response.CdsResponse;

/**
 * How one replayed case went: the cards it got against the cards it expected. Exact: a missing
 * card and an extra card both fail the case.
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
        }
        return new CaseVerdict(testCase, status, actual, problems);
    }

    private static ExpectedCard asExpected(Card card) {
        Map<String, Object> extension = card.extension();
        Object ruleId = extension == null ? null : extension.get(RULE_ID_EXTENSION);
        return new ExpectedCard(
                ruleId == null ? "(no rule id)" : ruleId.toString(),
                card.indicator().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether an interruptive card (warning or critical) came back on a case that must not alert. */
    public boolean interruptedWhenItMustNot() {
        return testCase.expected().mustNotAlert()
                && actual.stream().anyMatch(card -> !card.indicator().equals("info"));
    }
}
