package org.vigil.knowledge.allergy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.knowledge.Citation;

/**
 * Ingredients that cross-react with one another (a drug class, or drugs sharing a side chain).
 *
 * @param id stable lower-case slug, referenced as {@code group:<id>}
 * @param name human-readable name
 * @param level how strongly the members cross-react
 * @param basis why they cross-react, in plain words
 * @param members member ingredient RxCUIs, in table order, each with the citation of its row
 */
public record CrossSensitivityGroup(
        String id, String name, CrossSensitivityLevel level, String basis, Map<Integer, Citation> members) {

    public CrossSensitivityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(basis, "basis");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** Member ingredient RxCUIs. */
    public Set<Integer> memberRxcuis() {
        return members.keySet();
    }

    public boolean contains(int rxcui) {
        return members.containsKey(rxcui);
    }

    /** The citation for one member's membership, or null when it is not a member. */
    public Citation citationOf(int rxcui) {
        return members.get(rxcui);
    }
}
