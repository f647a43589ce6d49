package org.vigil.knowledge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RxNorm normal-form names: {@code [quantity] ingredient strength unit [/ ingredient
 * strength unit ...] dose form [\[brand\]]}, e.g. "24 HR lovastatin 40 MG Extended Release Oral
 * Tablet" or "Acetaminophen 325 MG / Hydrocodone Bitartrate 10 MG Oral Tablet [Norco]". A bare
 * ingredient or multi-ingredient name ("Naproxen sodium", "Acetaminophen / Hydrocodone") parses
 * too, without strengths.
 *
 * <p>Every ingredient must resolve, otherwise the whole parse fails: reporting half a combination
 * as if it were the whole drug would hide the unknown part.
 */
final class NormalFormParser {

    /** "24 HR ", "50 ML ", "0.4 ML ": the quantity factor RxNorm puts before the ingredients. */
    private static final Pattern QUANTITY = Pattern.compile("^\\d+(?:\\.\\d+)?\\s+[A-Za-z]+\\s+(?=\\D)");

    private static final Pattern QUALIFIER = Pattern.compile("^Abuse-Deterrent\\s+", Pattern.CASE_INSENSITIVE);

    private static final Pattern BRAND = Pattern.compile("\\s*\\[[^\\[\\]]*]$");

    private static final Pattern SEPARATOR = Pattern.compile("\\s+/\\s+");

    /** name, strength, unit, then (last part only) the dose form. */
    private static final Pattern PART =
            Pattern.compile("^(.+?)\\s+(\\d+(?:\\.\\d+)?)\\s+([A-Za-z%\\[\\]']+(?:/[A-Za-z\\[\\]']+)?)(?:\\s+(.+))?$");

    private NormalFormParser() {}

    record Parsed(List<Component> components, String doseForm) {}

    static Optional<Parsed> parse(String name, Function<String, Optional<Ingredient>> resolve) {
        if (name == null) {
            return Optional.empty();
        }
        String rest = name.strip();
        if (rest.isEmpty() || rest.startsWith("{")) {
            return Optional.empty(); // packs: "{3 (Azithromycin 500 MG Oral Tablet) } Pack"
        }
        rest = BRAND.matcher(rest).replaceFirst("");
        rest = QUANTITY.matcher(rest).replaceFirst("");
        rest = QUALIFIER.matcher(rest).replaceFirst("");
        String[] parts = SEPARATOR.split(rest, -1);
        List<Component> components = new ArrayList<>(parts.length);
        String doseForm = null;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Matcher part = PART.matcher(parts[i]);
            if (part.matches() && (last || part.group(4) == null)) {
                Optional<Ingredient> ingredient = resolve.apply(part.group(1));
                if (ingredient.isEmpty()) {
                    return Optional.empty();
                }
                BigDecimal strength = new BigDecimal(part.group(2));
                components.add(
                        new Component(ingredient.get(), strength, part.group(3).toUpperCase(Locale.ROOT)));
                if (last && part.group(4) != null) {
                    doseForm = part.group(4).strip();
                }
            } else {
                Optional<Ingredient> ingredient = resolve.apply(parts[i]);
                if (ingredient.isEmpty()) {
                    return Optional.empty();
                }
                components.add(Component.of(ingredient.get()));
            }
        }
        return Optional.of(new Parsed(components, doseForm));
    }
}
