package org.vigil.service.bulkimport;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.vigil.service.store.FhirProblem;
import org.vigil.service.store.FhirStore;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk import of FHIR files (Synthea transaction Bundles, other Bundles, single resources, NDJSON)
 * into the record store. Several files are in flight at once; each file's resources are written in
 * batches, each batch one transaction of a few statements. Resume-safe: ids are stable (see {@link
 * ImportFile}) and a resource already stored is left alone, so re-running an import stores
 * nothing twice; a conditional create (Synthea's Practitioner {@code ifNoneExist}) is skipped
 * when a resource with that identifier is stored. A file that cannot be read or stored is
 * reported with its reason and the import goes on.
 */
@Component
public class BulkImport {

    static final int BATCH = 500;
    static final int FILES_IN_FLIGHT = 4;

    private final FhirStore store;
    private final ImportFile reader;

    BulkImport(FhirStore store, FhirContext fhir) {
        this.store = store;
        this.reader = new ImportFile(fhir, store.types());
    }

    /** The .json and .ndjson files of a folder (and its sub-folders), or the one file named. */
    public static List<Path> inputs(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> found = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(ImportFile::isImportable)
                    .sorted(BulkImport::practitionersFirst)
                    .toList());
            return found;
        }
    }

    /** Synthea's hospital and practitioner files first, so patients' conditional references find them. */
    private static int practitionersFirst(Path a, Path b) {
        int rankA = rank(a);
        int rankB = rank(b);
        return rankA != rankB ? Integer.compare(rankA, rankB) : a.compareTo(b);
    }

    private static int rank(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("hospitalInformation") || name.startsWith("practitionerInformation") ? 0 : 1;
    }

    /** Imports the files, reporting progress to the listener every interval; never fails as a whole. */
    public Mono<ImportSummary> run(List<Path> files, Duration interval, Consumer<String> progress) {
        return Mono.defer(() -> {
            ImportTally tally = new ImportTally();
            long start = System.nanoTime();
            Disposable ticker = progress == null
                    ? () -> {}
                    : Flux.interval(interval)
                            .subscribe(tick -> progress.accept(tally.progress(files.size(), since(start))));
            // Synthea's practitioner and hospital files first and one at a time: the patients' files
            // after them may name the same practitioners.
            List<Path> first = new ArrayList<>();
            List<Path> rest = new ArrayList<>();
            for (Path file : files) {
                (rank(file) == 0 ? first : rest).add(file);
            }
            return Flux.fromIterable(first)
                    .concatMap(file -> importFile(file, tally))
                    .thenMany(Flux.fromIterable(rest).flatMap(file -> importFile(file, tally), FILES_IN_FLIGHT))
                    .then(Mono.fromSupplier(() -> {
                        // the last progress line before the summary is handed on, not after
                        ticker.dispose();
                        if (progress != null) {
                            progress.accept(tally.progress(files.size(), since(start)));
                        }
                        return new ImportSummary(
                                files.size(),
                                tally.resourcesRead.get(),
                                tally.storedByType(),
                                tally.alreadyPresent.get(),
                                tally.unsupportedByType(),
                                tally.errors(),
                                since(start));
                    }))
                    .doFinally(signal -> ticker.dispose());
        });
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Mono<Void> importFile(Path file, ImportTally tally) {
        String name = file.getFileName().toString();
        return Mono.fromCallable(() -> reader.read(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(contents -> {
                    long read = contents.resources().size()
                            + contents.conditionals().size()
                            + contents.unsupported().values().stream()
                                    .mapToLong(Integer::longValue)
                                    .sum();
                    tally.resourcesRead.addAndGet(read);
                    contents.unsupported().forEach(tally::unsupported);
                    return conditionals(contents.conditionals()).flatMap(kept -> {
                        List<Resource> all = new ArrayList<>(kept);
                        all.addAll(contents.resources());
                        tally.alreadyPresent.addAndGet(contents.conditionals().size() - kept.size());
                        return Flux.fromIterable(batches(all))
                                .concatMap(
                                        batch -> store.importNew(batch).doOnNext(count -> count(batch, count, tally)))
                                .then();
                    });
                })
                .doOnSuccess(done -> tally.filesDone.incrementAndGet())
                .onErrorResume(e -> {
                    tally.filesDone.incrementAndGet();
                    tally.failed(name, reason(e));
                    return Mono.empty();
                });
    }

    /** The conditional creates to carry out: those whose identifier no stored resource has. */
    private Mono<List<Resource>> conditionals(List<ImportFile.Conditional> conditionals) {
        Map<String, List<ImportFile.Conditional>> byType = new HashMap<>();
        for (ImportFile.Conditional conditional : conditionals) {
            byType.computeIfAbsent(conditional.resource().fhirType(), type -> new ArrayList<>())
                    .add(conditional);
        }
        return Flux.fromIterable(byType.entrySet())
                .concatMap(entry -> {
                    List<String> wanted = entry.getValue().stream()
                            .map(ImportFile.Conditional::identifier)
                            .toList();
                    return store.storedIdentifiers(entry.getKey(), wanted).flatMapIterable(stored -> {
                        List<Resource> absent = new ArrayList<>();
                        java.util.Set<String> seen = new java.util.HashSet<>(stored);
                        for (ImportFile.Conditional conditional : entry.getValue()) {
                            // the first of the file with an identifier is created, not its repeats
                            if (seen.add(conditional.identifier())) {
                                absent.add(conditional.resource());
                            }
                        }
                        return absent;
                    });
                })
                .collectList();
    }

    private static void count(List<Resource> batch, List<String> written, ImportTally tally) {
        tally.stored.addAndGet(written.size());
        tally.alreadyPresent.addAndGet(batch.size() - written.size());
        Map<String, Long> byType = new HashMap<>();
        for (String key : written) {
            byType.merge(key.substring(0, key.indexOf('/')), 1L, Long::sum);
        }
        byType.forEach(tally::stored);
    }

    private static List<List<Resource>> batches(List<Resource> all) {
        if (all.isEmpty()) {
            return Collections.emptyList();
        }
        List<List<Resource>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return batches;
    }

    private static String reason(Throwable e) {
        if (e instanceof ImportFile.BadFile || e instanceof FhirProblem) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "could not be read: " + e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
