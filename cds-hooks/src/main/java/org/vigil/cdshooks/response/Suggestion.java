package org.vigil.cdshooks.response;

import static org.vigil.cdshooks.Elements.list;
import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requireText;

import java.util.List;

/** A set of actions the user accepts together with one click. */
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {

    public Suggestion {
        requireText(label, "label");
        uuid = optionalText(uuid);
        actions = list(actions, "actions");
    }

    boolean recommended() {
        return Boolean.TRUE.equals(isRecommended);
    }
}
