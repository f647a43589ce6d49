package org.vigil.testcases;

import java.util.List;

/**
 * What a case expects back: the HTTP status and, for a 200, exactly which cards. An empty list
 * means the case must not alert at all. {@code creates} lists resources the cards' suggestions must
 * create (a lab order by its LOINC code, say); cards without one are not inspected beyond rule and
 * indicator.
 *
 * @param description the scenario in the clinic's words
 * @param service the CDS service id the request is sent to
 */
public record Expectation(
        String description, String service, int status, List<ExpectedCard> cards, List<ExpectedAction> creates) {

    public Expectation {
        cards = cards == null ? List.of() : cards.stream().sorted().toList();
        creates = creates == null ? List.of() : List.copyOf(creates);
    }

    public Expectation(String description, String service, int status, List<ExpectedCard> cards) {
        this(description, service, status, cards, List.of());
    }

    public boolean mustNotAlert() {
        return status == 200 && cards.isEmpty();
    }
}
