package org.vigil.cql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * One patient's FHIR R4 resources for one request, indexed for CQL retrieves.
 *
 * <p>Resources are grouped by type when the data is built. The first retrieve that filters a type by
 * codes at a given path builds a code index for that type and path ({@code system|code} → resources),
 * kept for the rest of the request, so later retrieves are map lookups. The resources themselves
 * must not be modified while the data is in use.
 */
public final class CqlPatientData {

    private final String patientId;
    private final Map<String, List<Resource>> byType;
    private final Map<String, Map<String, int[]>> codeIndexes = new ConcurrentHashMap<>();

    private CqlPatientData(String patientId, Map<String, List<Resource>> byType) {
        this.patientId = patientId;
        this.byType = byType;
    }

    /**
     * The resources of one patient; the patient id is taken from the Patient resource among them.
     *
     * @throws IllegalArgumentException when there is no Patient resource, or more than one patient
     */
    public static CqlPatientData of(Collection<? extends Resource> resources) {
        String id = null;
        for (Resource r : resources) {
            if (r instanceof Patient p) {
                String pid = p.getIdElement().getIdPart();
                if (pid == null) {
                    throw new IllegalArgumentException("The Patient resource has no id");
                }
                if (id != null && !id.equals(pid)) {
                    throw new IllegalArgumentException("Resources of two patients: " + id + " and " + pid);
                }
                id = pid;
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("No Patient resource among the patient's data");
        }
        return of(id, resources);
    }

    /** The resources of the patient with the given id (a Patient resource among them is optional). */
    public static CqlPatientData of(String patientId, Collection<? extends Resource> resources) {
        Map<String, List<Resource>> byType = new HashMap<>();
        for (Resource r : resources) {
            byType.computeIfAbsent(r.fhirType(), t -> new ArrayList<>()).add(r);
        }
        Map<String, List<Resource>> frozen = new HashMap<>();
        byType.forEach((type, list) -> frozen.put(type, List.copyOf(list)));
        return new CqlPatientData(patientId, Map.copyOf(frozen));
    }

    /** The resources of a bundle's entries. */
    public static CqlPatientData of(Bundle bundle) {
        List<Resource> resources = new ArrayList<>();
        bundle.getEntry().stream()
                .filter(Bundle.BundleEntryComponent::hasResource)
                .forEach(e -> resources.add(e.getResource()));
        return of(resources);
    }

    public String patientId() {
        return patientId;
    }

    /** The resources of a type, in the order they were given. */
    public List<Resource> ofType(String resourceType) {
        return byType.getOrDefault(resourceType, List.of());
    }

    /**
     * The code index of a type for a code path: {@code system|code} → positions in {@link
     * #ofType(String)}. Built on first use with {@code codesAt}, which lists the codes a resource has
     * at that path as {@code system|code} keys.
     */
    Map<String, int[]> codeIndex(String resourceType, String codePath, Function<Resource, List<String>> codesAt) {
        return codeIndexes.computeIfAbsent(resourceType + "." + codePath, k -> {
            List<Resource> resources = ofType(resourceType);
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < resources.size(); i++) {
                for (String key : codesAt.apply(resources.get(i))) {
                    List<Integer> at = positions.computeIfAbsent(key, x -> new ArrayList<>());
                    if (at.isEmpty() || at.get(at.size() - 1) != i) {
                        at.add(i);
                    }
                }
            }
            Map<String, int[]> index = new HashMap<>();
            positions.forEach((key, at) ->
                    index.put(key, at.stream().mapToInt(Integer::intValue).toArray()));
            return Map.copyOf(index);
        });
    }
}
