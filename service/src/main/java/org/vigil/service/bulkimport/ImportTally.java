package org.vigil.service.bulkimport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of an import, safe to update from several files in flight at once. */
final class ImportTally {

    /** A file that could not be imported, and why. */
    record FileError(String file, String reason) {}

    final AtomicLong filesDone = new AtomicLong();
    final AtomicLong resourcesRead = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong alreadyPresent = new AtomicLong();
    private final Map<String, Long> storedByType = new TreeMap<>();
    private final Map<String, Long> unsupportedByType = new TreeMap<>();
    private final List<FileError> errors = Collections.synchronizedList(new ArrayList<>());

    synchronized void stored(String type, long count) {
        storedByType.merge(type, count, Long::sum);
    }

    synchronized void unsupported(String type, long count) {
        unsupportedByType.merge(type, count, Long::sum);
    }

    void failed(String file, String reason) {
        errors.add(new FileError(file, reason));
    }

    synchronized Map<String, Long> storedByType() {
        return new TreeMap<>(storedByType);
    }

    synchronized Map<String, Long> unsupportedByType() {
        return new TreeMap<>(unsupportedByType);
    }

    List<FileError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    long unsupported() {
        return unsupportedByType().values().stream().mapToLong(Long::longValue).sum();
    }

    /** One progress line: files, resources read, stored, rate. */
    String progress(int files, Duration elapsed) {
        return String.format(
                "import: %d/%d files, %d resources read, %d stored, %d already present, %d errors, %.0f resources/s",
                filesDone.get(),
                files,
                resourcesRead.get(),
                stored.get(),
                alreadyPresent.get(),
                errors.size(),
                rate(resourcesRead.get(), elapsed));
    }

    static double rate(long count, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return count / seconds;
    }
}
