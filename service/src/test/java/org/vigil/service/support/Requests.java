package org.vigil.service.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request bodies kept as JSON files under src/test/resources/requests. */
public final class Requests {

    private Requests() {}

    public static String json(String name) {
        try (InputStream in = Requests.class.getResourceAsStream("/requests/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test request " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
