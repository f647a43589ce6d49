package org.vigil.cdshooks.codec;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.vigil.cdshooks.discovery.Discovery;
import org.vigil.cdshooks.feedback.FeedbackRequest;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.cdshooks.response.CdsResponse;

/**
 * Reads and writes the CDS Hooks 2.0 JSON documents. Create one per application and share it: it is
 * thread-safe, and it is built around the (expensive, thread-safe) FhirContext given to it.
 *
 * <p>Decoding parses the body once into a Jackson tree and hands FHIR subtrees to HAPI as they are;
 * encoding streams through one generator into which HAPI writes resources directly. Failures are
 * {@link CdsHooksException}s whose messages name elements and JSON types, never values.
 */
public final class CdsHooksCodec {

    private final ObjectMapper mapper = Json.newMapper();
    private final FhirJson fhir;
    private final RequestCodec requests;
    private final ResponseCodec responses;

    /**
     * @param fhirContext an R4 context; it is used as given and never reconfigured
     */
    public CdsHooksCodec(FhirContext fhirContext) {
        this.fhir = new FhirJson(Objects.requireNonNull(fhirContext, "fhirContext"));
        this.requests = new RequestCodec(fhir);
        this.responses = new ResponseCodec(fhir);
    }

    public CdsRequest decodeRequest(byte[] json) {
        return requests.decode(Json.readObject(mapper, json, "request"));
    }

    public byte[] encodeRequest(CdsRequest request) {
        return write(out -> requests.encode(request, out), 2048);
    }

    public CdsResponse decodeResponse(byte[] json) {
        return responses.decode(Json.readObject(mapper, json, "response"));
    }

    /**
     * @throws CdsHooksException {@link ErrorCode#INVALID_RESPONSE} when a resource in an action
     *     cannot be encoded (e.g. it is not an R4 resource)
     */
    public byte[] encodeResponse(CdsResponse response) {
        return write(out -> responses.encode(response, out), 1024);
    }

    public Discovery decodeDiscovery(byte[] json) {
        return DiscoveryCodec.decode(Json.readObject(mapper, json, "discovery"));
    }

    public byte[] encodeDiscovery(Discovery discovery) {
        return write(out -> DiscoveryCodec.encode(discovery, out), 1024);
    }

    public FeedbackRequest decodeFeedback(byte[] json) {
        return FeedbackCodec.decode(Json.readObject(mapper, json, "feedback"));
    }

    public byte[] encodeFeedback(FeedbackRequest feedback) {
        return write(out -> FeedbackCodec.encode(feedback, out), 512);
    }

    @FunctionalInterface
    private interface Writer {
        void writeTo(JsonGenerator out) throws IOException;
    }

    private byte[] write(Writer writer, int expectedSize) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(expectedSize);
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            writer.writeTo(out);
        } catch (IOException e) {
            // Only reachable through a bug: the target is an in-memory buffer.
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
