package org.vigil.service.hooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.cdshooks.discovery.CdsService;
import org.vigil.cdshooks.hook.HookDefinition;
import org.vigil.cdshooks.prefetch.PrefetchTemplate;

/**
 * One CDS service Vigil offers: the hook it answers, the data it asks the client to prefetch, and
 * which of those prefetch keys it cannot work without.
 */
public record VigilCdsService(
        String id,
        HookDefinition hook,
        String title,
        String description,
        Map<String, PrefetchTemplate> prefetch,
        List<String> requiredPrefetch,
        String usageRequirements) {

    public VigilCdsService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hook, "hook");
        prefetch = Map.copyOf(prefetch);
        requiredPrefetch = List.copyOf(requiredPrefetch);
        for (String key : requiredPrefetch) {
            if (!prefetch.containsKey(key)) {
                throw new IllegalArgumentException(
                        "Service " + id + " requires prefetch '" + key + "' it never asks for");
            }
        }
    }

    public CdsService discovery(List<String> keyOrder) {
        Map<String, String> templates = new LinkedHashMap<>();
        for (String key : keyOrder) {
            PrefetchTemplate template = prefetch.get(key);
            if (template != null) {
                templates.put(key, template.template());
            }
        }
        return new CdsService(hook.name(), title, description, id, templates, usageRequirements, Map.of());
    }
}
