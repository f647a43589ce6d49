package org.vigil.service.packs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.cql.CqlEvaluator;
import org.vigil.cql.CqlLibrary;
import org.vigil.service.hooks.VigilCdsService;

/**
 * A PlanDefinition of a rule pack served as a CDS service: its discovery entry (prefetch derived
 * from the library's retrieves), the translated library and evaluator, and its actions.
 *
 * @param pack the pack's id (its folder or bundle name)
 * @param version the pack's version (its library's version)
 * @param service the discovery entry and prefetch; every prefetch key is required
 * @param prefetchKeys the prefetch keys in the order discovery lists them
 */
public record PackService(
        String pack,
        String version,
        VigilCdsService service,
        List<String> prefetchKeys,
        CqlLibrary library,
        CqlEvaluator evaluator,
        List<PackAction> actions) {

    public PackService {
        prefetchKeys = List.copyOf(prefetchKeys);
        actions = List.copyOf(actions);
    }

    public String id() {
        return service.id();
    }

    /** The knowledge version reported with this service's answers, e.g. {@code vigil-risk 0.1.0}. */
    public String knowledgeVersion() {
        return version == null ? pack : pack + " " + version;
    }

    /** Every expression the actions need, evaluated together in one call. */
    Set<String> expressions() {
        Set<String> all = new LinkedHashSet<>();
        actions.forEach(action -> all.addAll(action.expressions()));
        return all;
    }
}
