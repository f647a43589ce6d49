package org.vigil.service.packs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.prefetch.PrefetchTemplate;
import org.vigil.cql.CqlDataRequirement;

/**
 * Prefetch templates from a library's data requirements: {@code Patient/{{context.patientId}}}
 * always, then one search per resource type the library retrieves, narrowed to the codes
 * ({@code code=system|code,...}) when every retrieve of that type filters by codes, and one
 * {@code code:in=} search per value set. A type read unfiltered anywhere is fetched unfiltered.
 */
final class PrefetchDerivation {

    static final String PATIENT_KEY = "patient";

    private PrefetchDerivation() {}

    /** Templates by key, in discovery order; each parsed against the hook. */
    static Map<String, PrefetchTemplate> templates(List<CqlDataRequirement> requirements, HookDefinition hook) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put(PATIENT_KEY, "Patient/{{context.patientId}}");
        Map<String, List<CqlDataRequirement>> byType = new LinkedHashMap<>();
        for (CqlDataRequirement requirement : requirements) {
            if (!"Patient".equals(requirement.resourceType())) {
                byType.computeIfAbsent(requirement.resourceType(), t -> new ArrayList<>())
                        .add(requirement);
            }
        }
        byType.forEach((type, list) -> {
            String key = Character.toLowerCase(type.charAt(0)) + type.substring(1);
            String search = type + "?patient={{context.patientId}}";
            boolean unfiltered = list.stream().anyMatch(r -> !r.filtered() || searchParameter(r.codePath()) == null);
            if (unfiltered) {
                text.put(key, search);
                return;
            }
            Set<String> codes = new LinkedHashSet<>();
            Set<String> valueSets = new LinkedHashSet<>();
            String parameter = searchParameter(list.get(0).codePath());
            boolean oneParameter = list.stream().allMatch(r -> parameter.equals(searchParameter(r.codePath())));
            if (!oneParameter) {
                text.put(key, search);
                return;
            }
            list.forEach(r -> {
                codes.addAll(r.codes());
                valueSets.addAll(r.valueSets());
            });
            int n = 1;
            if (!codes.isEmpty()) {
                text.put(key, search + "&" + parameter + "=" + String.join(",", codes));
                n++;
            }
            for (String valueSet : valueSets) {
                text.put(n == 1 ? key : key + "-" + n, search + "&" + parameter + ":in=" + valueSet);
                n++;
            }
        });
        Map<String, PrefetchTemplate> templates = new LinkedHashMap<>();
        text.forEach((key, template) -> templates.put(key, PrefetchTemplate.parse(template, hook)));
        return templates;
    }

    /** The FHIR R4 search parameter for a retrieve's code path, or null when there is no obvious one. */
    static String searchParameter(String codePath) {
        if (codePath == null) {
            return null;
        }
        return switch (codePath) {
            case "code", "medication" -> "code";
            case "vaccineCode" -> "vaccine-code";
            case "type" -> "type";
            case "category" -> "category";
            default -> null;
        };
    }
}
