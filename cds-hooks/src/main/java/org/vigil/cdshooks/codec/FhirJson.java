package org.vigil.cdshooks.codec;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The bridge to HAPI FHIR. Resources are parsed from the Jackson subtree the codec already holds
 * (HAPI's {@link JacksonStructure} wraps an {@link ObjectNode} as is) and encoded straight into the
 * codec's generator, so a request is tokenised once and no resource is re-serialised to a String.
 * HAPI parsers are not thread-safe and cheap to create, so each call gets its own; the FhirContext is
 * shared.
 */
final class FhirJson {

    private final FhirContext fhir;

    FhirJson(FhirContext fhir) {
        if (fhir.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException(
                    "Vigil speaks FHIR R4; got a " + fhir.getVersion().getVersion() + " FhirContext");
        }
        this.fhir = fhir;
    }

    static boolean looksLikeResource(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        JsonNode type = node.get("resourceType");
        return type != null && type.isTextual();
    }

    /**
     * @param path where the resource sits in the CDS Hooks document, for the error message
     * @throws CdsHooksException INVALID_FHIR naming the path and the FHIR element, never a value
     */
    IBaseResource parse(ObjectNode node, String path) {
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw invalidFhir(path, "has no resourceType");
        }
        try {
            fhir.getResourceDefinition(type.textValue());
        } catch (DataFormatException e) {
            throw invalidFhir(path, "has a resourceType that is not a FHIR R4 resource");
        }
        JacksonStructure structure = new JacksonStructure();
        structure.setNativeObject(node);
        IJsonLikeParser parser = (IJsonLikeParser) fhir.newJsonParser();
        parser.setParserErrorHandler(RejectingErrorHandler.INSTANCE);
        try {
            return parser.parseResource(structure);
        } catch (RejectedFhirException e) {
            throw invalidFhir(path, e.getMessage());
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // HAPI's own messages quote the offending value; say only that the structure is wrong.
            throw invalidFhir(path, "is not a valid FHIR R4 resource");
        }
    }

    /** Wraps resources sent as a bare JSON array into the collection Bundle the hook expects. */
    IBaseResource collection(List<ObjectNode> resources, String path) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (int i = 0; i < resources.size(); i++) {
            IBaseResource resource = parse(resources.get(i), Json.index(path, i));
            bundle.addEntry().setResource((Resource) resource);
        }
        return bundle;
    }

    /** Writes the resource as the next value of {@code out}. */
    void write(IBaseResource resource, JsonGenerator out, String path, ErrorCode onFailure) throws IOException {
        IJsonLikeParser parser = (IJsonLikeParser) fhir.newJsonParser();
        try {
            parser.encodeResourceToJsonLikeWriter(resource, new GeneratorJsonLikeWriter(out));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new CdsHooksException(
                    onFailure, path, path + ": " + resource.fhirType() + " could not be encoded as FHIR R4 JSON");
        }
    }

    private static CdsHooksException invalidFhir(String path, String rule) {
        return new CdsHooksException(ErrorCode.INVALID_FHIR, path, path + ": " + rule);
    }

    /** Carries a value-free description out of HAPI; not a DataFormatException so HAPI lets it through. */
    private static final class RejectedFhirException extends RuntimeException {
        RejectedFhirException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * HAPI's StrictErrorHandler, minus the values in its messages: element names and locations are
     * schema words and safe to return, the values are patient data.
     */
    private enum RejectingErrorHandler implements IParserErrorHandler {
        INSTANCE;

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            throw reject(location, "contained resource without an id");
        }

        @Override
        public void incorrectJsonType(
                IParseLocation location,
                String elementName,
                ValueType expected,
                ScalarType expectedScalar,
                ValueType found,
                ScalarType foundScalar) {
            throw reject(
                    location,
                    "element '" + elementName + "' has the wrong JSON type (expected "
                            + describe(expected, expectedScalar) + ", found " + describe(found, foundScalar) + ")");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw reject(location, "invalid value");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
            throw reject(location, "missing required element '" + elementName + "'");
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw reject(location, "element '" + elementName + "' repeats but allows one value");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            throw reject(location, "unknown attribute '" + attributeName + "'");
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            throw reject(location, "unknown element '" + elementName + "'");
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            throw reject(location, "reference to a contained resource that does not exist");
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            throw reject(location, "invalid internal reference");
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw reject(location, "extension with both a value and nested extensions");
        }

        private static RejectedFhirException reject(IParseLocation location, String problem) {
            String parent = location == null ? null : location.getParentElementName();
            String where = parent == null ? "" : " in element '" + parent + "'";
            return new RejectedFhirException("is not valid FHIR R4: " + problem + where);
        }

        private static String describe(ValueType type, ScalarType scalar) {
            if (type == null) {
                return "unknown";
            }
            return type == ValueType.SCALAR && scalar != null
                    ? scalar.name().toLowerCase(java.util.Locale.ROOT)
                    : type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
