package org.vigil.cdshooks.discovery;

import static org.vigil.cdshooks.Elements.jsonObject;
import static org.vigil.cdshooks.Elements.optionalText;
import static org.vigil.cdshooks.Elements.requireText;
import static org.vigil.cdshooks.Elements.stringMap;

import java.util.Map;
import org.vigil.cdshooks.InvalidElementException;

/**
 * One entry of the discovery response. {@code prefetch} maps prefetch keys to prefetch templates;
 * templates are not checked here because a service may be offered on hooks this module does not
 * know (use {@link org.vigil.cdshooks.prefetch.PrefetchTemplate} for the hooks it does).
 */
public record CdsService(
        String hook,
        String title,
        String description,
        String id,
        Map<String, String> prefetch,
        String usageRequirements,
        Map<String, Object> extension) {

    public CdsService {
        requireText(hook, "hook");
        title = optionalText(title);
        requireText(description, "description");
        requireText(id, "id");
        // The id becomes a path segment of {baseUrl}/cds-services/{id}.
        if (id.contains("/") || id.contains("?") || id.contains("#")) {
            throw new InvalidElementException("id", "must be usable as a single URL path segment");
        }
        prefetch = stringMap(prefetch, "prefetch");
        usageRequirements = optionalText(usageRequirements);
        extension = jsonObject(extension, "extension");
    }
}
