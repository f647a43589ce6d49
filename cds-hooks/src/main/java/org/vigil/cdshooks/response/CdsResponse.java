package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.list;

import java.util.List;

/** A service's answer: cards for the user, system actions for the client to apply on its own. */
public record CdsResponse(List<Card> cards, List<Action> systemActions) {

    private static final CdsResponse EMPTY = new CdsResponse(List.of(), List.of());

    public CdsResponse {
        cards = list(cards, "cards");
        systemActions = list(systemActions, "systemActions");
    }

    /** "No guidance": encoded as {@code {"cards": []}}. */
    public static CdsResponse empty() {
        return EMPTY;
    }

    public static CdsResponse of(List<Card> cards) {
        return new CdsResponse(cards, List.of());
    }
}
