package org.vigil.service.bulkimport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.vigil.service.store.ResourceTypes;

/**
 * One input file read into what to store: a JSON file holding a Bundle (a Synthea transaction
 * Bundle, or any Bundle of resources) or a single resource, or an NDJSON file with one resource a
 * line. Every resource gets an id that is the same every time the file is read (the {@code
 * urn:uuid:} of its fullUrl, else its own id, else one derived from the file name and position),
 * and {@code urn:uuid:} references inside a Bundle are pointed at those ids: importing the file
 * again finds the same resources already stored.
 */
final class ImportFile {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A conditional create of a type the store indexes by identifier: created only when no match. */
    record Conditional(Resource resource, String system, String value) {

        /** {@code system|value}, as the search index keeps identifiers (system empty when none). */
        String identifier() {
            return (system == null ? "" : system) + "|" + value;
        }
    }

    /** What the file holds: resources to store, conditional creates, and resources left out by type. */
    record Contents(List<Resource> resources, List<Conditional> conditionals, Map<String, Integer> unsupported) {}

    private final FhirContext fhir;
    private final ResourceTypes types;

    ImportFile(FhirContext fhir, ResourceTypes types) {
        this.fhir = fhir;
        this.types = types;
    }

    static boolean isImportable(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }

    Contents read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".ndjson") ? readNdjson(file) : readJson(file);
    }

    private Contents readJson(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadFile("not JSON: " + clip(e.getOriginalMessage()));
        }
        Contents contents = new Contents(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        Map<String, String> targets = new HashMap<>();
        if (tree != null
                && "Bundle".equals(tree.path("resourceType").asText())
                && tree.path("entry").isArray()) {
            // Entries of types the store does not keep (Synthea's claims and explanations of benefit
            // are most of its bytes) are counted and dropped before HAPI parses the rest.
            ArrayNode entries = (ArrayNode) tree.path("entry");
            ArrayNode kept = JSON.createArrayNode();
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                String type = entry.path("resource").path("resourceType").asText("");
                String fullUrl = entry.path("fullUrl").asText(null);
                String ownId = entry.path("resource").path("id").asText(null);
                String id = stableId(fullUrl, ownId, file.getFileName() + "#" + i);
                if (fullUrl != null && !type.isEmpty()) {
                    targets.put(fullUrl, type + "/" + id);
                }
                if (!type.isEmpty() && types.find(type).isEmpty()) {
                    contents.unsupported().merge(type, 1, Integer::sum);
                    continue;
                }
                if (entry.path("resource").isObject()) {
                    ((ObjectNode) entry.path("resource")).put("id", id);
                }
                kept.add(entry);
            }
            ((ObjectNode) tree).set("entry", kept);
        }
        IBaseResource parsed;
        try {
            parsed = parser().parseResource(JSON.writeValueAsString(tree));
        } catch (DataFormatException | ClassCastException e) {
            throw new BadFile("not a FHIR R4 JSON resource: " + clip(e.getMessage()));
        }
        if (!(parsed instanceof Bundle)) {
            add(contents, (Resource) parsed, null, file.getFileName() + "#0");
            return contents;
        }
        Bundle bundle = (Bundle) parsed;
        List<Resource> resources = new ArrayList<>();
        List<String> ifNoneExist = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String id = stableId(entry.getFullUrl(), resource.getIdElement().getIdPart(), file.getFileName() + "#" + i);
            resource.setId(id);
            if (entry.hasFullUrl()) {
                targets.putIfAbsent(entry.getFullUrl(), resource.fhirType() + "/" + id);
            }
            resources.add(resource);
            ifNoneExist.add(entry.getRequest().getIfNoneExist());
        }
        FhirTerser terser = fhir.newTerser();
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                String target = reference.getReference();
                if (target != null && target.startsWith("urn:uuid:") && targets.containsKey(target)) {
                    reference.setReference(targets.get(target));
                }
            }
            add(contents, resource, ifNoneExist.get(i), null);
        }
        return contents;
    }

    private Contents readNdjson(Path file) throws IOException {
        Contents contents = new Contents(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        IParser parser = parser();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Resource resource;
                try {
                    resource = (Resource) parser.parseResource(line);
                } catch (DataFormatException e) {
                    throw new BadFile("line " + number + " is not a FHIR R4 JSON resource: " + clip(e.getMessage()));
                }
                resource.setId(stableId(null, resource.getIdElement().getIdPart(), file.getFileName() + "#" + number));
                add(contents, resource, null, null);
            }
        }
        return contents;
    }

    private void add(Contents contents, Resource resource, String ifNoneExist, String position) {
        String type = resource.fhirType();
        if (types.find(type).isEmpty()) {
            contents.unsupported().merge(type, 1, Integer::sum);
            return;
        }
        if (position != null) {
            resource.setId(stableId(null, resource.getIdElement().getIdPart(), position));
        }
        if (ifNoneExist != null && ifNoneExist.startsWith("identifier=")) {
            String token = ifNoneExist.substring("identifier=".length());
            int bar = token.indexOf('|');
            contents.conditionals()
                    .add(new Conditional(
                            resource,
                            bar < 0 ? null : token.substring(0, bar),
                            bar < 0 ? token : token.substring(bar + 1)));
            return;
        }
        contents.resources().add(resource);
    }

    /** The urn:uuid of the fullUrl, else the resource's own id, else a name-based UUID of its position. */
    static String stableId(String fullUrl, String own, String position) {
        if (fullUrl != null) {
            String candidate = fullUrl.startsWith("urn:uuid:")
                    ? fullUrl.substring("urn:uuid:".length())
                    : fullUrl.substring(fullUrl.lastIndexOf('/') + 1);
            if (ID.matcher(candidate).matches()) {
                return candidate;
            }
        }
        if (own != null && ID.matcher(own).matches()) {
            return own;
        }
        return UUID.nameUUIDFromBytes(position.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private IParser parser() {
        return fhir.newJsonParser();
    }

    private static String clip(String message) {
        if (message == null) {
            return "unreadable";
        }
        String oneLine = message.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    /** A file that cannot be imported, with the reason. */
    static final class BadFile extends IOException {
        BadFile(String reason) {
            super(reason);
        }
    }
}
