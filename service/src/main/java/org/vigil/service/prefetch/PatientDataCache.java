package org.vigil.service.prefetch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vigil.service.store.PatientWrites;
import reactor.core.publisher.Mono;

/**
 * Patient data Vigil fetched itself (never what a client prefetched), kept for a short while so
 * the next hook call for the same patient needs no new queries. Entries are grouped by where they
 * came from: the record store (forgotten as soon as the store writes anything for the patient) or
 * one FHIR server seen with one access token. Group names are digests: no patient id is stored.
 */
public interface PatientDataCache extends PatientWrites {

    /**
     * The answer cached for this query, if any, and the group's generation as of now: an answer
     * fetched after this look is kept only if the group was not forgotten meanwhile, so a store
     * write that lands while data is being fetched never leaves the older data cached.
     */
    Mono<Lookup> find(String group, String query);

    /**
     * Keeps the answer to this query for the cache's time to live, unless the group was forgotten
     * since {@code generation} was looked up (then the answer may predate a store write).
     */
    Mono<Void> keep(String group, String query, String answer, long generation);

    /**
     * @param answer FHIR JSON, {@link #NOTHING_FOUND}, or null when nothing is cached
     * @param generation to hand back to {@link #keep}; negative when the cache could not be read
     *     (then nothing is kept)
     */
    record Lookup(String answer, long generation) {}

    /** Forgets every answer in the group. */
    Mono<Void> forget(String group);

    /** Cached for a query the source answered with nothing (a read of an unknown resource). */
    String NOTHING_FOUND = "null";

    @Override
    default Mono<Void> written(String patientId) {
        return forget(storeGroup(patientId));
    }

    /** The group of a patient's data read from Vigil's record store. */
    static String storeGroup(String patientId) {
        return digest("store\n" + patientId);
    }

    /** The group of a patient's data read from a client's FHIR server with one access token. */
    static String serverGroup(String fhirServer, String accessToken, String patientId) {
        return digest("server\n" + fhirServer + "\n" + (accessToken == null ? "" : accessToken) + "\n" + patientId);
    }

    private static String digest(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
