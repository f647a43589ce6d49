package org.vigil.testcases;

import java.util.List;

/**
 * What a case expects back: the HTTP status and, for a 200, exactly which cards. An empty list
 * means the case must not alert at all.
 *
 * @param description the scenario in the clinic's words
 * @param service the CDS service id the request is sent to
 */
public record Expectation(String description, String service, int status, List<ExpectedCard> cards) {

    public Expectation {
        cards = cards == null ? List.of() : cards.stream().sorted().toList();
    }

    public boolean mustNotAlert() {
        return status == 200 && cards.isEmpty();
    }
}
