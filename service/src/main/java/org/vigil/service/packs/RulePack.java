package org.vigil.service.packs;

import java.util.List;

/**
 * A loaded rule pack: FHIR Clinical Reasoning content (Library with CQL, PlanDefinition, ValueSet)
 * translated and checked, each PlanDefinition served as a CDS service.
 *
 * @param translationMillis time spent translating its CQL at load
 */
public record RulePack(String id, String version, List<PackService> services, long translationMillis) {

    public RulePack {
        services = List.copyOf(services);
    }
}
