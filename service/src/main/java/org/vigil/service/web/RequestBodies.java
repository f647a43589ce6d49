package org.vigil.service.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.vigil.service.pipeline.HookCallRefused;
import reactor.core.publisher.Mono;

/** Reads a JSON request body whole, refusing the wrong content type (415) and oversize bodies (413). */
public final class RequestBodies {

    private final int maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
    }

    public Mono<byte[]> readJson(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !isJson(type)) {
            return Mono.error(new HookCallRefused(
                    415,
                    "unsupported-media-type",
                    "CDS Hooks requests are JSON: send Content-Type: application/json"
                            + (type == null
                                    ? " (none was sent)"
                                    : " (got " + type.getType() + "/" + type.getSubtype() + ")"),
                    null,
                    null));
        }
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(RequestBodies::bytesOf)
                .switchIfEmpty(Mono.fromSupplier(() -> new byte[0]))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
    }

    private HookCallRefused tooLarge() {
        return new HookCallRefused(
                413,
                "payload-too-large",
                "The request body is larger than the limit of " + maxBytes + " bytes",
                null,
                null);
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
