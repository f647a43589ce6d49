package org.vigil.interaction;

import java.util.ArrayList;
import java.util.List;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.Interaction;
import org.vigil.knowledge.InteractionTable;
import org.vigil.rules.MedicationFact;

/**
 * The rules' view of the interaction table: every ingredient of one medication against every
 * ingredient of the other, each a single hash probe.
 */
public final class InteractionLookup {

    private final InteractionTable table;

    public InteractionLookup(InteractionTable table) {
        this.table = table;
    }

    public List<Interaction> between(MedicationFact first, MedicationFact second) {
        List<Interaction> found = List.of();
        for (Ingredient a : first.ingredients()) {
            for (Ingredient b : second.ingredients()) {
                List<Interaction> hits = table.between(a.rxcui(), b.rxcui());
                if (hits.isEmpty()) {
                    continue;
                }
                if (found.isEmpty()) {
                    found = new ArrayList<>(hits.size());
                }
                for (Interaction hit : hits) {
                    if (!found.contains(hit)) {
                        found.add(hit);
                    }
                }
            }
        }
        return found;
    }
}
