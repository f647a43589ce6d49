package org.vigil.service.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The FHIR record store in PostgreSQL: every write is one database transaction that replaces the
 * current version, appends to the history and rewrites the resource's search-index rows, so a
 * write is either wholly stored or not at all. Writes inside {@link #inTransaction} share one
 * transaction (a transaction Bundle).
 */
public final class FhirStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private static final String UPSERT_CURRENT = "INSERT INTO fhir_resource"
            + " (resource_type, id, version_id, last_updated, deleted, resource, patient_id, sort_date)"
            + " VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::timestamptz)"
            + " ON CONFLICT (resource_type, id) DO UPDATE SET version_id = EXCLUDED.version_id,"
            + " last_updated = EXCLUDED.last_updated, deleted = EXCLUDED.deleted, resource = EXCLUDED.resource,"
            + " patient_id = EXCLUDED.patient_id, sort_date = EXCLUDED.sort_date";
    private static final String INSERT_HISTORY = "INSERT INTO fhir_resource_history"
            + " (resource_type, id, version_id, last_updated, deleted, method, resource)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)";
    private static final String INSERT_TOKENS = "INSERT INTO fhir_search_token"
            + " (resource_type, resource_id, param, system, code)"
            + " SELECT $1, $2, p, s, c FROM unnest($3::text[], $4::text[], $5::text[]) AS t(p, s, c)";
    private static final String INSERT_DATES = "INSERT INTO fhir_search_date"
            + " (resource_type, resource_id, param, low, high)"
            + " SELECT $1, $2, p, l::timestamptz, h::timestamptz FROM unnest($3::text[], $4::text[], $5::text[])"
            + " AS d(p, l, h)";
    private static final String COLUMNS =
            "resource_type, id, version_id, last_updated, deleted, resource::text AS body";
    /** The current-version table does not record how a version was written; its history does. */
    private static final String CURRENT_COLUMNS = COLUMNS + ", NULL::text AS method";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final FhirContext fhir;
    private final ResourceTypes types;
    private final PatientWrites patientWrites;

    public FhirStore(
            DatabaseClient database, TransactionalOperator transactions, FhirContext fhir, ResourceTypes types) {
        this(database, transactions, fhir, types, PatientWrites.NONE);
    }

    /** @param patientWrites told, after each write, which patient it was about */
    public FhirStore(
            DatabaseClient database,
            TransactionalOperator transactions,
            FhirContext fhir,
            ResourceTypes types,
            PatientWrites patientWrites) {
        this.database = database;
        this.transactions = transactions;
        this.fhir = fhir;
        this.types = types;
        this.patientWrites = patientWrites;
    }

    public ResourceTypes types() {
        return types;
    }

    /** Runs the work in one database transaction: everything in it commits together or not at all. */
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return transactions.transactional(work);
    }

    /** Checks a resource id is one FHIR allows (1 to 64 of A-Z a-z 0-9 - .). */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw FhirProblem.invalid("A resource id is 1 to 64 letters, digits, '-' or '.'");
        }
        return id;
    }

    /** Stores a new resource under a server-assigned id. */
    public Mono<WriteOutcome> create(Resource resource) {
        return create(resource, UUID.randomUUID().toString());
    }

    /** Stores a new resource under the given (server-assigned) id. */
    public Mono<WriteOutcome> create(Resource resource, String id) {
        IndexedType type = types.require(resource.fhirType());
        return inTransaction(Mono.defer(() -> write(type, id, resource, 1, "POST"))
                        .map(stored -> new WriteOutcome(stored, true)))
                .flatMap(outcome -> touched(outcome.stored(), resource).thenReturn(outcome));
    }

    /**
     * Stores a new version of the resource with this id, creating it when it does not exist. With
     * {@code ifMatch} set, only when that is the current version (412 otherwise).
     */
    public Mono<WriteOutcome> update(String typeName, String id, Resource resource, Long ifMatch) {
        IndexedType type = types.require(typeName);
        checkId(id);
        return inTransaction(current(typeName, id).flatMap(current -> {
                    if (ifMatch != null
                            && (current.isEmpty()
                                    || current.get().deleted()
                                    || current.get().version() != ifMatch)) {
                        return Mono.error(new FhirProblem(
                                412,
                                "conflict",
                                "If-Match names version " + ifMatch + " but the current version of " + typeName + "/"
                                        + id
                                        + " is "
                                        + current.map(c -> c.deleted() ? c.version() + " (deleted)" : "" + c.version())
                                                .orElse("none (it does not exist)")));
                    }
                    long next = current.map(c -> c.version() + 1).orElse(1L);
                    boolean created = current.isEmpty() || current.get().deleted();
                    String former = current.map(Current::patientId).orElse(null);
                    return write(type, id, resource, next, "PUT").map(stored -> new Updated(stored, created, former));
                }))
                .flatMap(outcome -> notify(outcome.formerPatient())
                        .then(touched(outcome.stored(), resource))
                        .thenReturn(outcome.written()));
    }

    /** Deletes the resource (a new, deleted version); empty when there was nothing to delete. */
    public Mono<StoredResource> delete(String typeName, String id) {
        types.require(typeName);
        checkId(id);
        return inTransaction(current(typeName, id).flatMap(current -> {
                    if (current.isEmpty() || current.get().deleted()) {
                        return Mono.<Deleted>empty();
                    }
                    long next = current.get().version() + 1;
                    OffsetDateTime now = now();
                    return database.sql(UPSERT_CURRENT)
                            .bind(0, typeName)
                            .bind(1, id)
                            .bind(2, next)
                            .bind(3, now)
                            .bind(4, true)
                            .bindNull(5, String.class)
                            .bindNull(6, String.class)
                            .bindNull(7, String.class)
                            .then()
                            .then(history(typeName, id, next, now, true, "DELETE", null))
                            .then(clearIndex(typeName, id))
                            .thenReturn(new Deleted(
                                    new StoredResource(typeName, id, next, now.toInstant(), true, null, "DELETE"),
                                    current.get().patientId()));
                }))
                .flatMap(deleted -> notify(deleted.patient()).thenReturn(deleted.stored()));
    }

    /** The current version; 404 when there never was one, 410 when it was deleted. */
    public Mono<StoredResource> read(String typeName, String id) {
        types.require(typeName);
        checkId(id);
        return database.sql("SELECT " + CURRENT_COLUMNS + " FROM fhir_resource WHERE resource_type = $1 AND id = $2")
                .bind(0, typeName)
                .bind(1, id)
                .map(FhirStore::stored)
                .one()
                .switchIfEmpty(Mono.error(() -> FhirProblem.notFound(typeName + "/" + id + " is not known")))
                .flatMap(FhirStore::unlessDeleted);
    }

    /** One version; 404 when it never existed, 410 when that version is a deletion. */
    public Mono<StoredResource> vread(String typeName, String id, long version) {
        types.require(typeName);
        checkId(id);
        return database.sql("SELECT " + COLUMNS + ", method FROM fhir_resource_history"
                        + " WHERE resource_type = $1 AND id = $2 AND version_id = $3")
                .bind(0, typeName)
                .bind(1, id)
                .bind(2, version)
                .map(FhirStore::stored)
                .one()
                .switchIfEmpty(
                        Mono.error(() -> FhirProblem.notFound(typeName + "/" + id + " has no version " + version)))
                .flatMap(FhirStore::unlessDeleted);
    }

    /** Every version of the resource, newest first; 404 when it never existed. */
    public Mono<List<StoredResource>> history(String typeName, String id) {
        types.require(typeName);
        checkId(id);
        return database.sql("SELECT " + COLUMNS + ", method FROM fhir_resource_history"
                        + " WHERE resource_type = $1 AND id = $2 ORDER BY version_id DESC")
                .bind(0, typeName)
                .bind(1, id)
                .map(FhirStore::stored)
                .all()
                .collectList()
                .flatMap(versions -> versions.isEmpty()
                        ? Mono.error(FhirProblem.notFound(typeName + "/" + id + " is not known"))
                        : Mono.just(versions));
    }

    /** One page of the resources matching the query, and the count of all that match. */
    public Mono<SearchPage> search(SearchQuery query) {
        Mono<Long> total = bindAll(
                        database.sql("SELECT count(*) AS total FROM fhir_resource r WHERE " + query.where()),
                        query.binds())
                .map(row -> row.get("total", Long.class))
                .one();
        Mono<List<StoredResource>> page = query.count() == 0
                ? Mono.just(List.of())
                : bindAll(
                                database.sql("SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.deleted,"
                                        + " r.resource::text AS body, NULL::text AS method FROM fhir_resource r WHERE "
                                        + query.where()
                                        + " ORDER BY " + query.orderBy() + " LIMIT " + query.count() + " OFFSET "
                                        + query.offset()),
                                query.binds())
                        .map(FhirStore::stored)
                        .all()
                        .collectList();
        return total.zipWith(page, SearchPage::new);
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(
            DatabaseClient.GenericExecuteSpec spec, List<Object> binds) {
        for (int i = 0; i < binds.size(); i++) {
            spec = spec.bind(i, binds.get(i));
        }
        return spec;
    }

    private Mono<StoredResource> write(IndexedType type, String id, Resource resource, long version, String method) {
        OffsetDateTime now = now();
        resource.setIdElement(new IdType(type.name(), id));
        resource.getMeta().setVersionId(Long.toString(version)).setLastUpdated(Date.from(now.toInstant()));
        IndexEntries index = type.index(resource);
        String json = parser().encodeResourceToString(resource);
        DatabaseClient.GenericExecuteSpec current = database.sql(UPSERT_CURRENT)
                .bind(0, type.name())
                .bind(1, id)
                .bind(2, version)
                .bind(3, now)
                .bind(4, false)
                .bind(5, json);
        current = index.patientId() == null ? current.bindNull(6, String.class) : current.bind(6, index.patientId());
        current = index.sortDate() == null
                ? current.bindNull(7, String.class)
                : current.bind(7, index.sortDate().toString());
        return current.then()
                .then(history(type.name(), id, version, now, false, method, json))
                .then(clearIndex(type.name(), id))
                .then(insertIndex(type.name(), id, index))
                .thenReturn(new StoredResource(type.name(), id, version, now.toInstant(), false, json, method))
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> new FhirProblem(
                                409,
                                "conflict",
                                type.name() + "/" + id + " was written by another request at the same time"));
    }

    private Mono<Void> history(
            String type, String id, long version, OffsetDateTime at, boolean deleted, String method, String json) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(INSERT_HISTORY)
                .bind(0, type)
                .bind(1, id)
                .bind(2, version)
                .bind(3, at)
                .bind(4, deleted)
                .bind(5, method);
        insert = json == null ? insert.bindNull(6, String.class) : insert.bind(6, json);
        return insert.then();
    }

    private Mono<Void> clearIndex(String type, String id) {
        return database.sql("DELETE FROM fhir_search_token WHERE resource_type = $1 AND resource_id = $2")
                .bind(0, type)
                .bind(1, id)
                .then()
                .then(database.sql("DELETE FROM fhir_search_date WHERE resource_type = $1 AND resource_id = $2")
                        .bind(0, type)
                        .bind(1, id)
                        .then());
    }

    private Mono<Void> insertIndex(String type, String id, IndexEntries index) {
        Mono<Void> tokens = Mono.empty();
        if (!index.tokens().isEmpty()) {
            int size = index.tokens().size();
            String[] params = new String[size];
            String[] systems = new String[size];
            String[] codes = new String[size];
            for (int i = 0; i < size; i++) {
                IndexEntries.Token token = index.tokens().get(i);
                params[i] = token.param();
                systems[i] = token.system();
                codes[i] = token.code();
            }
            tokens = database.sql(INSERT_TOKENS)
                    .bind(0, type)
                    .bind(1, id)
                    .bind(2, params)
                    .bind(3, systems)
                    .bind(4, codes)
                    .then();
        }
        Mono<Void> dates = Mono.empty();
        if (!index.dates().isEmpty()) {
            int size = index.dates().size();
            String[] params = new String[size];
            String[] lows = new String[size];
            String[] highs = new String[size];
            for (int i = 0; i < size; i++) {
                IndexEntries.DateEntry date = index.dates().get(i);
                params[i] = date.param();
                lows[i] = date.range().low().toString();
                highs[i] = date.range().high().toString();
            }
            dates = database.sql(INSERT_DATES)
                    .bind(0, type)
                    .bind(1, id)
                    .bind(2, params)
                    .bind(3, lows)
                    .bind(4, highs)
                    .then();
        }
        return tokens.then(dates);
    }

    /**
     * The patient a write was about: the one a resource references, or the Patient itself. Told
     * once the write's transaction committed (inside a transaction Bundle: as its entry is
     * written, before the Bundle commits).
     */
    private static String patientOf(String type, String id, String referenced) {
        return "Patient".equals(type) ? id : referenced;
    }

    private Mono<Void> notify(String patientId) {
        return patientId == null
                ? Mono.empty()
                : patientWrites.written(patientId).onErrorResume(e -> Mono.empty());
    }

    /** After commit: the patient the stored resource is about. */
    private Mono<Void> touched(StoredResource stored, Resource resource) {
        IndexedType type = types.find(stored.type()).orElse(null);
        if (type == null) {
            return Mono.empty();
        }
        return notify(patientOf(stored.type(), stored.id(), type.index(resource).patientId()));
    }

    private record Current(long version, boolean deleted, String patientId) {}

    /** A deletion as written, and the patient the deleted resource was about. */
    private record Deleted(StoredResource stored, String patient) {}

    /** An update as written, and the patient its former version was about. */
    private record Updated(StoredResource stored, boolean created, String formerPatient) {
        WriteOutcome written() {
            return new WriteOutcome(stored, created);
        }
    }

    private static final String IMPORT_CURRENT = "INSERT INTO fhir_resource"
            + " (resource_type, id, version_id, last_updated, deleted, resource, patient_id, sort_date)"
            + " SELECT t, i, 1, $1, FALSE, r::jsonb, p, s::timestamptz"
            + " FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(t, i, r, p, s)"
            + " ON CONFLICT (resource_type, id) DO NOTHING RETURNING resource_type, id";
    private static final String IMPORT_HISTORY = "INSERT INTO fhir_resource_history"
            + " (resource_type, id, version_id, last_updated, deleted, method, resource)"
            + " SELECT t, i, 1, $1, FALSE, 'POST', r::jsonb FROM unnest($2::text[], $3::text[], $4::text[])"
            + " AS x(t, i, r)";
    private static final String IMPORT_TOKENS = "INSERT INTO fhir_search_token"
            + " (resource_type, resource_id, param, system, code)"
            + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])";
    private static final String IMPORT_DATES = "INSERT INTO fhir_search_date"
            + " (resource_type, resource_id, param, low, high)"
            + " SELECT t, i, p, l::timestamptz, h::timestamptz"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS d(t, i, p, l, h)";

    /**
     * Stores, in one database transaction, each of these resources (each with its type and id set)
     * that the store does not hold yet under that type and id, as version 1; one already held
     * (even deleted) is left as it is. Four statements for the whole batch, so a bulk import is not
     * one round trip per resource. Answers the {@code Type/id} of each one stored now.
     */
    public Mono<List<String>> importNew(List<Resource> resources) {
        return Mono.defer(() -> {
            OffsetDateTime now = now();
            Map<String, Prepared> byKey = new LinkedHashMap<>();
            for (Resource resource : resources) {
                IndexedType type = types.require(resource.fhirType());
                String id = checkId(resource.getIdElement().getIdPart());
                resource.setIdElement(new IdType(type.name(), id));
                resource.getMeta().setVersionId("1").setLastUpdated(Date.from(now.toInstant()));
                IndexEntries index = type.index(resource);
                byKey.putIfAbsent(
                        type.name() + "/" + id,
                        new Prepared(type.name(), id, parser().encodeResourceToString(resource), index));
            }
            if (byKey.isEmpty()) {
                return Mono.just(List.<String>of());
            }
            List<Prepared> all = new ArrayList<>(byKey.values());
            int size = all.size();
            String[] typeNames = new String[size];
            String[] ids = new String[size];
            String[] bodies = new String[size];
            String[] patients = new String[size];
            String[] sortDates = new String[size];
            for (int i = 0; i < size; i++) {
                Prepared one = all.get(i);
                typeNames[i] = one.type();
                ids[i] = one.id();
                bodies[i] = one.json();
                patients[i] = one.index().patientId();
                sortDates[i] = one.index().sortDate() == null
                        ? null
                        : one.index().sortDate().toString();
            }
            Mono<List<String>> work = database.sql(IMPORT_CURRENT)
                    .bind(0, now)
                    .bind(1, typeNames)
                    .bind(2, ids)
                    .bind(3, bodies)
                    .bind(4, patients)
                    .bind(5, sortDates)
                    .map(row -> row.get("resource_type", String.class) + "/" + row.get("id", String.class))
                    .all()
                    .collectList()
                    .flatMap(inserted -> {
                        List<Prepared> fresh = new ArrayList<>(inserted.size());
                        for (String key : inserted) {
                            fresh.add(byKey.get(key));
                        }
                        return fresh.isEmpty()
                                ? Mono.just(inserted)
                                : importHistory(now, fresh)
                                        .then(importIndex(fresh))
                                        .thenReturn(inserted);
                    });
            return inTransaction(work).flatMap(inserted -> notifyImported(inserted, byKey));
        });
    }

    /** After the import's commit: each patient whose record it added to, once. */
    private Mono<List<String>> notifyImported(List<String> inserted, Map<String, Prepared> byKey) {
        java.util.Set<String> patients = new java.util.LinkedHashSet<>();
        for (String key : inserted) {
            Prepared one = byKey.get(key);
            String patient = patientOf(one.type(), one.id(), one.index().patientId());
            if (patient != null) {
                patients.add(patient);
            }
        }
        return reactor.core.publisher.Flux.fromIterable(patients)
                .concatMap(this::notify)
                .then(Mono.just(inserted));
    }

    /**
     * Which of these business identifiers ({@code system|value}, system empty when none) a stored
     * (not deleted) resource of this type has: what conditional creates ({@code
     * ifNoneExist=identifier=system|value}) ask, answered for many at once.
     */
    public Mono<java.util.Set<String>> storedIdentifiers(String typeName, List<String> identifiers) {
        types.require(typeName);
        if (identifiers.isEmpty()) {
            return Mono.just(java.util.Set.of());
        }
        String[] values = new String[identifiers.size()];
        for (int i = 0; i < values.length; i++) {
            String identifier = identifiers.get(i);
            values[i] = identifier.substring(identifier.indexOf('|') + 1);
        }
        return database.sql("SELECT DISTINCT t.system, t.code FROM fhir_search_token t JOIN fhir_resource r"
                        + " ON r.resource_type = t.resource_type AND r.id = t.resource_id"
                        + " WHERE t.resource_type = $1 AND t.param = 'identifier' AND t.code = ANY($2::text[])"
                        + " AND NOT r.deleted")
                .bind(0, typeName)
                .bind(1, values)
                .map(row -> row.get("system", String.class) + "|" + row.get("code", String.class))
                .all()
                .collect(java.util.stream.Collectors.toSet());
    }

    private record Prepared(String type, String id, String json, IndexEntries index) {}

    private Mono<Void> importHistory(OffsetDateTime now, List<Prepared> fresh) {
        int size = fresh.size();
        String[] typeNames = new String[size];
        String[] ids = new String[size];
        String[] bodies = new String[size];
        for (int i = 0; i < size; i++) {
            typeNames[i] = fresh.get(i).type();
            ids[i] = fresh.get(i).id();
            bodies[i] = fresh.get(i).json();
        }
        return database.sql(IMPORT_HISTORY)
                .bind(0, now)
                .bind(1, typeNames)
                .bind(2, ids)
                .bind(3, bodies)
                .then();
    }

    private Mono<Void> importIndex(List<Prepared> fresh) {
        List<String[]> tokens = new ArrayList<>();
        List<String[]> dates = new ArrayList<>();
        for (Prepared one : fresh) {
            for (IndexEntries.Token token : one.index().tokens()) {
                tokens.add(new String[] {one.type(), one.id(), token.param(), token.system(), token.code()});
            }
            for (IndexEntries.DateEntry date : one.index().dates()) {
                dates.add(new String[] {
                    one.type(),
                    one.id(),
                    date.param(),
                    date.range().low().toString(),
                    date.range().high().toString()
                });
            }
        }
        Mono<Void> work = Mono.empty();
        if (!tokens.isEmpty()) {
            work = work.then(columns(database.sql(IMPORT_TOKENS), tokens).then());
        }
        if (!dates.isEmpty()) {
            work = work.then(columns(database.sql(IMPORT_DATES), dates).then());
        }
        return work;
    }

    /** Binds rows of five text values as five text arrays, one per column. */
    private static DatabaseClient.GenericExecuteSpec columns(
            DatabaseClient.GenericExecuteSpec spec, List<String[]> rows) {
        for (int column = 0; column < 5; column++) {
            String[] values = new String[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                values[row] = rows.get(row)[column];
            }
            spec = spec.bind(column, values);
        }
        return spec;
    }

    private Mono<Optional<Current>> current(String type, String id) {
        return database.sql("SELECT version_id, deleted, patient_id FROM fhir_resource"
                        + " WHERE resource_type = $1 AND id = $2 FOR UPDATE")
                .bind(0, type)
                .bind(1, id)
                .map(row -> new Current(
                        row.get("version_id", Long.class),
                        row.get("deleted", Boolean.class),
                        "Patient".equals(type) ? id : row.get("patient_id", String.class)))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private static Mono<StoredResource> unlessDeleted(StoredResource stored) {
        return stored.deleted()
                ? Mono.error(new FhirProblem(
                        410,
                        "deleted",
                        stored.type() + "/" + stored.id() + " was deleted (version " + stored.version() + ")"))
                : Mono.just(stored);
    }

    private static StoredResource stored(Readable row) {
        String method = row.get("method", String.class);
        return new StoredResource(
                row.get("resource_type", String.class),
                row.get("id", String.class),
                row.get("version_id", Long.class),
                row.get("last_updated", OffsetDateTime.class).toInstant(),
                Boolean.TRUE.equals(row.get("deleted", Boolean.class)),
                row.get("body", String.class),
                method == null ? "PUT" : method);
    }

    private IParser parser() {
        return fhir.newJsonParser();
    }

    private static OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }
}
