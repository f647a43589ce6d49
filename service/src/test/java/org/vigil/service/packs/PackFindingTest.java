package org.vigil.service.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.response.Indicator;
import org.vigil.cdshooks.response.Link;
import org.vigil.rules.Finding;
import org.vigil.service.cards.AlertPolicy;

/** Pack findings through Vigil's alert policy: one card per rule and patient, most urgent first. */
class PackFindingTest {

    private static final PackAction SCREEN = action("pack:plan/screen", Indicator.WARNING);
    private static final PackAction NOTE = action("pack:plan/note", Indicator.INFO);

    @Test
    void theSameRuleOnTheSamePatientTwiceIsOneCard() {
        PackFinding once = finding(SCREEN, Indicator.WARNING, "p1");
        PackFinding twice = finding(SCREEN, Indicator.CRITICAL, "p1");

        List<Finding> shown = new AlertPolicy().select(List.of(once, twice));

        assertThat(shown)
                .singleElement()
                .satisfies(f -> assertThat(f.urgency().name()).isEqualTo("CRITICAL"));
    }

    @Test
    void theProblemIsTheRuleOnThePatient() {
        assertThat(finding(SCREEN, Indicator.WARNING, "p1").problemKey())
                .isEqualTo("pack:plan/screen|Patient/p1")
                .isNotEqualTo(finding(SCREEN, Indicator.WARNING, "p2").problemKey())
                .isNotEqualTo(finding(NOTE, Indicator.WARNING, "p1").problemKey());
    }

    @Test
    void warningsInterruptAndComeFirstAndHiddenInformationalPackCardsAreLeftOut() {
        PackFinding note = finding(NOTE, Indicator.INFO, "p1");
        PackFinding screen = finding(SCREEN, Indicator.WARNING, "p1");
        assertThat(screen.interruptive()).isTrue();
        assertThat(note.interruptive()).isFalse();
        assertThat(screen.remedies()).isEmpty();

        assertThat(new AlertPolicy().select(List.of(note, screen))).containsExactly(screen, note);
        assertThat(new AlertPolicy(Set.of("pack")).select(List.of(note, screen)))
                .containsExactly(screen);
    }

    static PackAction action(String ruleId, Indicator indicator) {
        return new PackAction(
                ruleId,
                List.of("Applies"),
                "Title of " + ruleId,
                null,
                indicator,
                List.of(Link.absolute("Source", "https://example.org/source")),
                "https://example.org/source",
                null,
                null,
                null);
    }

    private static PackFinding finding(PackAction action, Indicator indicator, String patient) {
        return new PackFinding(action, null, null, indicator, PackFinding.patientRef(patient));
    }
}
