package org.vigil.cql;

import java.util.List;
import java.util.Objects;

/**
 * What one retrieve of a translated library reads: a FHIR resource type and, when the retrieve
 * filters by terminology, the code path and the codes ({@code system|code}) or value set URLs it
 * filters on. A retrieve whose filter cannot be resolved to codes is reported unfiltered (a superset
 * of what it reads), so data derived from these requirements is never too narrow.
 *
 * @param resourceType e.g. {@code Observation}
 * @param codePath the element the codes are matched at (e.g. {@code code}), or null when unfiltered
 * @param codes {@code system|code} keys, empty when unfiltered or filtered by value set only
 * @param valueSets canonical URLs of the value sets filtered on
 */
public record CqlDataRequirement(String resourceType, String codePath, List<String> codes, List<String> valueSets) {

    public CqlDataRequirement {
        Objects.requireNonNull(resourceType, "resourceType");
        codes = List.copyOf(codes);
        valueSets = List.copyOf(valueSets);
    }

    public boolean filtered() {
        return codePath != null && (!codes.isEmpty() || !valueSets.isEmpty());
    }
}
