package org.vigil.service.prefetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A CDS client's FHIR server, played by a small WebFlux server on a random port. Its base URL is
 * {@code http://localhost:<port>/<mode>}: in every mode it serves the patient, empty allergy,
 * condition and observation searchsets and, over two pages (a {@code next} link), one active
 * clarithromycin order. The mode decides how the MedicationRequest search misbehaves: {@code ok}
 * not at all, {@code slow} answers after 5 s, {@code fail} answers 500, {@code huge} sends more
 * than the size bound. Every request must carry the bearer token, or is answered 401.
 */
final class FhirServerStandIn implements AutoCloseable {

    static final String TOKEN = "stand-in-token";
    private static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");

    private final DisposableServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    FhirServerStandIn() {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/{mode}/Patient/{id}", this::patient)
                .GET("/{mode}/MedicationRequest", this::medications)
                .GET("/{mode}/{type}", request -> answer(request, emptySearchset()))
                .build();
        HttpHandler handler = RouterFunctions.toHttpHandler(routes);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
    }

    String base(String mode) {
        return "http://127.0.0.1:" + server.port() + "/" + mode;
    }

    /** How many requests a path (e.g. {@code /ok/MedicationRequest}) has had for one patient. */
    int requests(String path, String patient) {
        AtomicInteger count = requests.get(path + "|" + patient);
        return count == null ? 0 : count.get();
    }

    List<String> authorizations() {
        return authorizations;
    }

    private Mono<ServerResponse> patient(ServerRequest request) {
        String id = request.pathVariable("id");
        return answer(request, """
                {"resourceType": "Patient", "id": "%s", "gender": "female", "birthDate": "1956-04-12"}
                """.formatted(id));
    }

    private Mono<ServerResponse> medications(ServerRequest request) {
        String mode = request.pathVariable("mode");
        String patient = request.queryParam("patient").orElse("");
        switch (mode) {
            case "slow":
                return Mono.delay(Duration.ofSeconds(5)).then(answer(request, emptySearchset()));
            case "fail":
                count(request);
                return ServerResponse.status(500).bodyValue("{\"resourceType\": \"OperationOutcome\"}");
            case "huge":
                return answer(request, padded(600 * 1024));
            default:
                break;
        }
        if (request.queryParam("page").isEmpty()) {
            String next = base(mode) + "/MedicationRequest?patient=" + patient + "&page=2";
            return answer(request, """
                    {"resourceType": "Bundle", "type": "searchset", "total": 1,
                     "link": [{"relation": "next", "url": "%s"}], "entry": []}
                    """.formatted(next));
        }
        return answer(request, """
                {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [{"resource":
                  {"resourceType": "MedicationRequest", "id": "served-clari", "status": "active", "intent": "order",
                   "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                     "code": "21212", "display": "clarithromycin"}]},
                   "subject": {"reference": "Patient/%s"}}}]}
                """.formatted(patient));
    }

    private Mono<ServerResponse> answer(ServerRequest request, String json) {
        count(request);
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        authorizations.add(String.valueOf(authorization));
        if (!("Bearer " + TOKEN).equals(authorization)) {
            return ServerResponse.status(401).build();
        }
        return ServerResponse.ok().contentType(FHIR_JSON).bodyValue(json);
    }

    private void count(ServerRequest request) {
        String patient = request.queryParam("patient").orElse("");
        if (request.path().contains("/Patient/")) {
            patient = request.pathVariable("id");
        }
        requests.computeIfAbsent(request.path() + "|" + patient, key -> new AtomicInteger())
                .incrementAndGet();
    }

    private static String emptySearchset() {
        return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": 0, \"entry\": []}";
    }

    /** A valid searchset made large by a long text. */
    private static String padded(int bytes) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": 0, \"entry\": [],"
                + " \"meta\": {\"source\": \"" + "x".repeat(bytes) + "\"}}";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
