package org.vigil.service.prefetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How Vigil completes a prefetch the CDS client left out ({@code vigil.prefetch.*}).
 *
 * @param timeout longest wait for the client's FHIR server: to connect, and for each answer
 * @param maxBytes largest FHIR server answer read; a larger one counts as no answer
 * @param maxPages how many pages of one search are read at most (following {@code next} links)
 * @param cacheTtl how long data Vigil fetched for a patient is reused; zero turns the cache off
 * @param cacheEntries patients held at most by the in-process cache (used without Redis)
 */
@ConfigurationProperties("vigil.prefetch")
public record PrefetchSettings(Duration timeout, DataSize maxBytes, int maxPages, Duration cacheTtl, int cacheEntries) {

    public PrefetchSettings {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(4) : maxBytes;
        maxPages = maxPages <= 0 ? 5 : maxPages;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(60) : cacheTtl;
        cacheEntries = cacheEntries <= 0 ? 10_000 : cacheEntries;
    }
}
