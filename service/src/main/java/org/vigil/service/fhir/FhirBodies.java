package org.vigil.service.fhir;

import java.util.Locale;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.vigil.service.store.FhirProblem;
import reactor.core.publisher.Mono;

/** Reads a FHIR JSON request body whole: 415 for another content type, 413 beyond the size limit. */
final class FhirBodies {

    private final int maxBytes;

    FhirBodies(long maxBytes) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
    }

    Mono<byte[]> read(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !isJson(type)) {
            return Mono.error(new FhirProblem(
                    415, "not-supported", "Send FHIR resources as JSON (Content-Type: application/fhir+json)"));
        }
        if (request.headers().contentLength().orElse(-1) > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(FhirBodies::bytesOf)
                .switchIfEmpty(Mono.fromSupplier(() -> new byte[0]))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private FhirProblem tooLarge() {
        return new FhirProblem(413, "too-long", "The request body is larger than the limit of " + maxBytes + " bytes");
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
