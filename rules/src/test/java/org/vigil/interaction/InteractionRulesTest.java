package org.vigil.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.DraftOrder;
import org.vigil.rules.Finding;
import org.vigil.rules.OrderState;
import org.vigil.rules.Urgency;

class InteractionRulesTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<Finding> evaluate(List<DraftOrder> drafts, List<org.vigil.rules.ActiveMedication> active) {
        return ENGINE.evaluate(context(drafts, active, List.of()), KNOWLEDGE);
    }

    @Test
    void simvastatinOrderedWhileClarithromycinIsActiveIsACriticalDdi011() {
        List<Finding> findings =
                evaluate(List.of(draft("simva", SIMVASTATIN, 0)), List.of(active("clari", CLARITHROMYCIN)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("DDI-011");
            assertThat(finding.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(finding.interruptive()).isTrue();
            assertThat(finding.order().reference()).isEqualTo("MedicationRequest/simva");
            assertThat(((InteractionFinding) finding).other().state()).isEqualTo(OrderState.ACTIVE);
            assertThat(finding.citation().text()).contains("22539083");
        });
    }

    @Test
    void theInhibitorAsTheNewOrderAlsoAlerts() {
        List<Finding> findings = evaluate(List.of(draft("itra", ITRACONAZOLE, 0)), List.of(active("lova", LOVASTATIN)));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("DDI-011");
    }

    @Test
    void twoInteractingDraftOrdersAreReportedOnce() {
        List<Finding> findings =
                evaluate(List.of(draft("simva", SIMVASTATIN, 0), draft("clari", CLARITHROMYCIN, 1)), List.of());

        assertThat(findings).hasSize(1);
        assertThat(((InteractionFinding) findings.get(0)).other().state()).isEqualTo(OrderState.DRAFT);
    }

    @Test
    void aStatinThatIsNotACyp3a4SubstrateOfConcernDoesNotAlert() {
        assertThat(evaluate(List.of(draft("prava", PRAVASTATIN, 0)), List.of(active("clari", CLARITHROMYCIN))))
                .isEmpty();
    }

    @Test
    void anAntibioticThatIsNotAStrongInhibitorDoesNotAlert() {
        assertThat(evaluate(List.of(draft("simva", SIMVASTATIN, 0)), List.of(active("azithro", AZITHROMYCIN))))
                .isEmpty();
    }

    @Test
    void anUncheckedDraftIsContextNotASubject() {
        DraftOrder simvastatin = draft("simva", SIMVASTATIN, 0);
        DraftOrder unselectedClarithromycin =
                new DraftOrder("MedicationRequest/clari", "clari", byCode(CLARITHROMYCIN), 1, false);
        DraftOrder unselectedSimvastatin =
                new DraftOrder(simvastatin.reference(), simvastatin.display(), simvastatin.medication(), 0, false);

        assertThat(evaluate(List.of(simvastatin, unselectedClarithromycin), List.of()))
                .extracting(finding -> finding.order().reference())
                .containsExactly("MedicationRequest/simva");
        assertThat(evaluate(List.of(unselectedSimvastatin, unselectedClarithromycin), List.of()))
                .isEmpty();
    }
}
