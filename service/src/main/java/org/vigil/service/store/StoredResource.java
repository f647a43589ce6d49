package org.vigil.service.store;

import java.time.Instant;

/**
 * One version of a resource as stored: its body (FHIR JSON with {@code meta.versionId} and
 * {@code meta.lastUpdated} set by the store), or none when the version is a deletion.
 *
 * @param method how the version was written: POST, PUT or DELETE
 */
public record StoredResource(
        String type, String id, long version, Instant lastUpdated, boolean deleted, String json, String method) {

    /** {@code W/"3"}, the ETag of this version. */
    public String etag() {
        return "W/\"" + version + "\"";
    }

    /** {@code Observation/abc/_history/3}. */
    public String versionedReference() {
        return type + "/" + id + "/_history/" + version;
    }
}
