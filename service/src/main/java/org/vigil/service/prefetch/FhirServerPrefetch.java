package org.vigil.service.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Prefetch queries answered by the CDS client's FHIR server ({@code fhirServer}), with its access
 * token ({@code fhirAuthorization}). Every answer must come within the timeout and fit in the size
 * bound; a search's {@code next} links are followed up to a bound, and only while they stay on the
 * same server, so the token is never sent anywhere else. Failures are logged by kind only: never
 * the URL (it holds the patient's id), the token or the body.
 */
final class FhirServerPrefetch {

    private static final Logger log = LoggerFactory.getLogger(FhirServerPrefetch.class);
    private static final String FHIR_JSON = "application/fhir+json";

    private final WebClient client;
    private final FhirContext fhir;
    private final Duration timeout;
    private final int maxPages;
    private final long maxBytes;

    FhirServerPrefetch(FhirContext fhir, PrefetchSettings settings) {
        this.fhir = fhir;
        this.timeout = settings.timeout();
        this.maxPages = settings.maxPages();
        this.maxBytes = settings.maxBytes().toBytes();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                .responseTimeout(timeout)
                .followRedirect(false);
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .exchangeStrategies(ExchangeStrategies.builder()
                        .codecs(codecs ->
                                codecs.defaultCodecs().maxInMemorySize((int) Math.min(Integer.MAX_VALUE, maxBytes)))
                        .build())
                .build();
    }

    Mono<Fetched> answer(String fhirServer, String accessToken, PrefetchQuery query) {
        String base = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
        URI first;
        try {
            first = URI.create(base + query.relative());
        } catch (IllegalArgumentException e) {
            return Mono.just(Fetched.unavailable("the request's fhirServer is not a usable URL"));
        }
        return get(first, accessToken, query.isRead())
                .flatMap(json -> query.isRead() || PatientDataCache.NOTHING_FOUND.equals(json)
                        ? Mono.just(json)
                        : morePages(base, accessToken, json, 1))
                .map(Fetched::answer)
                .onErrorResume(Unavailable.class, e -> Mono.just(Fetched.unavailable(e.getMessage())))
                .onErrorResume(error -> !(error instanceof Unavailable), error -> {
                    String problem = problem(error);
                    log.warn("Prefetch from the client's FHIR server failed: {}", problem);
                    return Mono.just(Fetched.unavailable(problem));
                });
    }

    /** The answer's body; NOTHING_FOUND when a read finds nothing (404 or 410). */
    private Mono<String> get(URI uri, String accessToken, boolean read) {
        return client.get()
                .uri(uri)
                .accept(
                        org.springframework.http.MediaType.parseMediaType(FHIR_JSON),
                        org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (accessToken != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
                    }
                })
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(String.class).defaultIfEmpty("");
                    }
                    if (read && (status == 404 || status == 410)) {
                        return response.releaseBody().thenReturn(PatientDataCache.NOTHING_FOUND);
                    }
                    return response.releaseBody()
                            .then(Mono.error(new Unavailable("the client's FHIR server answered " + status)));
                })
                .timeout(timeout)
                .flatMap(json -> json.isBlank()
                        ? Mono.error(new Unavailable("the client's FHIR server answered with no body"))
                        : Mono.just(json));
    }

    /**
     * Follows {@code next} links (same server only) and returns one Bundle holding every page's
     * entries. The first page alone is returned unchanged when it has no next link.
     */
    private Mono<String> morePages(String base, String accessToken, String firstJson, int pages) {
        IBaseResource parsed = parse(firstJson);
        if (!(parsed instanceof Bundle first)) {
            return Mono.just(firstJson);
        }
        String next = nextLink(first);
        if (next == null || pages >= maxPages || !next.startsWith(base)) {
            return Mono.just(firstJson);
        }
        return follow(base, accessToken, first, URI.create(next), pages + 1, firstJson.length())
                .map(bundle -> fhir.newJsonParser().encodeResourceToString(bundle));
    }

    private Mono<Bundle> follow(String base, String accessToken, Bundle collected, URI next, int page, long bytes) {
        return get(next, accessToken, false).flatMap(json -> {
            long total = bytes + json.length();
            if (total > maxBytes) {
                return Mono.error(
                        new Unavailable("the client's FHIR server's pages together exceed " + maxBytes + " bytes"));
            }
            IBaseResource parsed = parse(json);
            if (!(parsed instanceof Bundle bundle)) {
                return Mono.error(new Unavailable("a next page from the client's FHIR server was not a Bundle"));
            }
            collected.getEntry().addAll(bundle.getEntry());
            String after = nextLink(bundle);
            if (after == null || page >= maxPages || !after.startsWith(base)) {
                collected.getLink().removeIf(link -> "next".equals(link.getRelation()));
                return Mono.just(collected);
            }
            return follow(base, accessToken, collected, URI.create(after), page + 1, total);
        });
    }

    private static String nextLink(Bundle bundle) {
        Bundle.BundleLinkComponent link = bundle.getLink("next");
        return link == null || link.getUrl() == null || link.getUrl().isBlank() ? null : link.getUrl();
    }

    private IBaseResource parse(String json) {
        try {
            IBaseResource resource = fhir.newJsonParser().parseResource(json);
            if (resource instanceof OperationOutcome) {
                throw new Unavailable("the client's FHIR server answered with an OperationOutcome");
            }
            return resource;
        } catch (DataFormatException e) {
            throw new Unavailable("the client's FHIR server did not answer with FHIR JSON");
        }
    }

    private String problem(Throwable error) {
        if (error instanceof TimeoutException
                || error instanceof io.netty.handler.timeout.ReadTimeoutException
                || error.getCause() instanceof io.netty.handler.timeout.ReadTimeoutException) {
            return "the client's FHIR server did not answer within " + timeout.toMillis() + " ms";
        }
        if (error instanceof DataBufferLimitException || error.getCause() instanceof DataBufferLimitException) {
            return "the client's FHIR server's answer exceeds " + maxBytes + " bytes";
        }
        if (error instanceof WebClientRequestException) {
            return "the client's FHIR server could not be reached";
        }
        return "the client's FHIR server could not be read (" + error.getClass().getSimpleName() + ")";
    }

    /** A failure whose message is safe to show and log (no URL, token or data). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
