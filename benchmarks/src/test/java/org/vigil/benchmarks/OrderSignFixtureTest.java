package org.vigil.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.response.Card;
import org.vigil.service.cards.CardFactory;
import org.vigil.service.pipeline.HookPipeline;

/** The benchmark measures real work only if its request really triggers the checks. */
class OrderSignFixtureTest {

    @Test
    void theBenchmarkRequestRaisesTheInteractionAndAllergyCards() {
        Pipelines.CountingSink sink = new Pipelines.CountingSink();
        HookPipeline.HookAnswer answer = Pipelines.orderSign(sink)
                .call(Pipelines.orderSignService(), Pipelines.resource("order-sign-30-resources.json"))
                .block();

        // Other checks may add cards for this busy chart (e.g. three statins already active); these
        // are the ones the request was built to raise. Simvastatin meets two strong CYP3A4
        // inhibitors: one problem, so one DDI-011 card naming both.
        assertThat(answer.cards())
                .extracting(card -> card.extension().get(CardFactory.RULE_ID))
                .contains("DDI-011", "ALG-001")
                .filteredOn("DDI-011"::equals)
                .hasSize(1);
        assertThat(answer.cards())
                .filteredOn(card -> "DDI-011".equals(card.extension().get(CardFactory.RULE_ID)))
                .singleElement()
                .satisfies(card -> assertThat(card.summary()).endsWith("(+1 more)"));
        assertThat(answer.cards()).extracting(Card::summary).allMatch(summary -> summary.length() < 140);
        assertThat(sink.entries).isEqualTo(answer.cards().size());
    }
}
