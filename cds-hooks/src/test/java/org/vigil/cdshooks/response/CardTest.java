package org.vigil.cdshooks.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.Coding;
import org.vigil.cdshooks.InvalidElementException;

class CardTest {

    private static final Source VIGIL = Source.of("Vigil");
    private static final Suggestion STOP =
            new Suggestion("Stop", null, null, List.of(Action.delete("Remove the order", "MedicationRequest/1")));

    private static Card card(String summary, List<Suggestion> suggestions, SelectionBehavior behavior) {
        return new Card(null, summary, null, Indicator.WARNING, VIGIL, suggestions, behavior, null, null, null);
    }

    @Test
    void summaryMustBeShorterThan140Characters() {
        assertThat(card("x".repeat(139), null, null).summary()).hasSize(139);
        assertThatThrownBy(() -> card("x".repeat(140), null, null))
                .isInstanceOfSatisfying(
                        InvalidElementException.class,
                        e -> assertThat(e.element()).isEqualTo("summary"))
                .hasMessageContaining("shorter than 140");
    }

    @Test
    void summaryLengthCountsCharactersNotUtf16Units() {
        // 139 emoji are 278 UTF-16 units but 139 characters on screen.
        String summary = "\uD83D\uDC8A".repeat(139);

        assertThat(card(summary, null, null).summary()).isEqualTo(summary);
    }

    @Test
    void summaryIndicatorAndSourceAreRequired() {
        assertThatThrownBy(() -> card(" ", null, null)).hasMessage("summary: must not be blank");
        assertThatThrownBy(() -> new Card(null, "s", null, null, VIGIL, null, null, null, null, null))
                .hasMessage("indicator: is required");
        assertThatThrownBy(() -> new Card(null, "s", null, Indicator.INFO, null, null, null, null, null, null))
                .hasMessage("source: is required");
    }

    @Test
    void suggestionsRequireSelectionBehavior() {
        assertThatThrownBy(() -> card("Stop it", List.of(STOP), null))
                .isInstanceOfSatisfying(
                        InvalidElementException.class,
                        e -> assertThat(e.element()).isEqualTo("selectionBehavior"));
        assertThat(card("Stop it", List.of(STOP), SelectionBehavior.ANY).suggestions())
                .containsExactly(STOP);
    }

    @Test
    void atMostOneRecommendedSuggestionWhenTheUserMayPickOne() {
        Suggestion a = new Suggestion("A", null, true, null);
        Suggestion b = new Suggestion("B", null, true, null);

        assertThatThrownBy(() -> card("Pick", List.of(a, b), SelectionBehavior.AT_MOST_ONE))
                .hasMessageContaining("at most one suggestion may be recommended");
        assertThat(card("Pick", List.of(a, b), SelectionBehavior.ANY).suggestions())
                .hasSize(2);
    }

    @Test
    void overrideReasonsNeedADisplay() {
        List<Coding> reasons = List.of(
                new Coding("http://example.org/r", "a", "Patient refused"), Coding.of("http://example.org/r", "b"));

        assertThatThrownBy(() -> new Card(null, "s", null, Indicator.INFO, VIGIL, null, null, reasons, null, null))
                .isInstanceOfSatisfying(
                        InvalidElementException.class,
                        e -> assertThat(e.element()).isEqualTo("overrideReasons[1].display"));
    }

    @Test
    void listsAreImmutableCopiesAndNullListsBecomeEmpty() {
        List<Suggestion> suggestions = new ArrayList<>(List.of(STOP));
        Card card = card("Stop it", suggestions, SelectionBehavior.ANY);
        suggestions.clear();

        assertThat(card.suggestions()).containsExactly(STOP);
        assertThat(card.links()).isEmpty();
        assertThat(card.overrideReasons()).isEmpty();
        assertThat(card.extension()).isEmpty();
        assertThatThrownBy(() -> card.suggestions().add(STOP)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankOptionalTextIsTreatedAsAbsent() {
        Card card = new Card(
                "  ", "s", "", Indicator.INFO, new Source("Vigil", "", null, null), null, null, null, null, null);

        assertThat(card.uuid()).isNull();
        assertThat(card.detail()).isNull();
        assertThat(card.source().url()).isNull();
    }

    @Test
    void appContextOnlyOnSmartLinks() {
        assertThatThrownBy(() -> new Link("Docs", "https://example.org", LinkType.ABSOLUTE, "ctx", null))
                .isInstanceOfSatisfying(
                        InvalidElementException.class,
                        e -> assertThat(e.element()).isEqualTo("appContext"));
        assertThat(new Link("App", "https://app.example.org/launch", LinkType.SMART, "ctx", true).appContext())
                .isEqualTo("ctx");
    }

    @Test
    void actionsNeedADescriptionAndCreateOrUpdateNeedAResource() {
        assertThatThrownBy(() -> new Action(ActionType.CREATE, "Order it", null, null))
                .hasMessage("resource: is required for create actions");
        assertThatThrownBy(() -> new Action(ActionType.UPDATE, "Change it", null, "MedicationRequest/1"))
                .hasMessage("resource: is required for update actions");
        assertThatThrownBy(() -> Action.create(null, new MedicationRequest())).hasMessage("description: is required");
        assertThatThrownBy(() -> new Action(ActionType.DELETE, "Remove", null, null))
                .hasMessage("resourceId: is required for delete actions");
        assertThat(Action.delete("Remove", "MedicationRequest/1").resourceId()).isEqualTo("MedicationRequest/1");
    }

    @Test
    void sourceLabelAndCodingPartsAreRequired() {
        assertThatThrownBy(() -> Source.of(null)).hasMessage("label: is required");
        assertThatThrownBy(() -> new Coding(null, "a", "A")).hasMessage("system: is required");
        assertThatThrownBy(() -> new Coding("http://example.org", "", "A")).hasMessage("code: must not be blank");
    }
}
