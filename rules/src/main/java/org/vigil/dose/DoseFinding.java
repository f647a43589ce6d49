package org.vigil.dose;

import org.vigil.knowledge.Citation;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.dose.DoseLimit;
import org.vigil.rules.Finding;

/**
 * What every dose finding shares: it is about one ingredient of one order, judged against one
 * dose-limit row, which is also its citation; the problem is the rule on that ingredient of that
 * order. Dose findings interrupt unless they say otherwise.
 */
public interface DoseFinding extends Finding {

    Ingredient ingredient();

    DoseLimit limit();

    @Override
    default boolean interruptive() {
        return true;
    }

    @Override
    default Citation citation() {
        return limit().citation();
    }

    @Override
    default String problemKey() {
        return ruleId() + '|' + order().reference() + '|' + ingredient().rxcui();
    }
}
