package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name normalisation shared by the tables and by recognition, so that a name in a table and the
 * same words in an order compare equal whatever their case, spacing or punctuation.
 */
final class Names {

    /**
     * Counter-ions and hydrate words RxNorm appends to a base ingredient ("Hydrocodone Bitartrate",
     * "Pravastatin Sodium"). Only trailing words are folded, and only when the longer name is not
     * itself a known ingredient, so "Potassium Chloride" survives when the table lists it.
     */
    private static final Set<String> SALT_WORDS = Set.of(
            "aceponate",
            "acetate",
            "acetonide",
            "anhydrous",
            "besilate",
            "besylate",
            "bitartrate",
            "bromide",
            "butyrate",
            "calcium",
            "carbonate",
            "chloride",
            "cinnamate",
            "citrate",
            "cypionate",
            "diacetate",
            "diethylammonium",
            "dihydrate",
            "dipotassium",
            "disodium",
            "epolamine",
            "estolate",
            "ethylsuccinate",
            "fumarate",
            "gluconate",
            "hcl",
            "hemihydrate",
            "hexacetonide",
            "hyclate",
            "hydrobromide",
            "hydrochloride",
            "isonicotinate",
            "lactate",
            "lactobionate",
            "lysine",
            "magnesium",
            "maleate",
            "mesilate",
            "mesylate",
            "metasulphobenzoate",
            "monohydrate",
            "napsylate",
            "pamoate",
            "phosphate",
            "polistirex",
            "potassium",
            "probutate",
            "sodium",
            "stearate",
            "strontium",
            "succinate",
            "sulfate",
            "tartrate",
            "tebutate",
            "trihydrate",
            "trimethyl",
            "tromethamine",
            "valerate");

    private Names() {}

    /** Lower-case runs of letters and digits; everything else separates words. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return tokens;
    }

    /** The lookup key of a name: its tokens joined by single spaces. */
    static String key(String name) {
        return String.join(" ", tokens(name));
    }

    static boolean isSaltWord(String token) {
        return SALT_WORDS.contains(token);
    }
}
