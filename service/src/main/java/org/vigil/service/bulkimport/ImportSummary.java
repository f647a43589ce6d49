package org.vigil.service.bulkimport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an import did: files read, resources stored (new) by type, resources already stored (a
 * re-run), resources of types the store does not keep, files that failed and why, time taken.
 */
public record ImportSummary(
        int files,
        long resourcesRead,
        Map<String, Long> storedByType,
        long alreadyPresent,
        Map<String, Long> unsupportedByType,
        List<ImportTally.FileError> errors,
        Duration elapsed) {

    public long stored() {
        return storedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unsupported() {
        return unsupportedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Resources read (stored, present or left out) per second. */
    public double resourcesPerSecond() {
        return ImportTally.rate(resourcesRead, elapsed);
    }

    /** The summary as printed at the end of an import. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "Imported %d files in %.1f s: %d resources read (%.0f resources/s)%n",
                files, elapsed.toMillis() / 1000.0, resourcesRead, resourcesPerSecond()));
        text.append(String.format("  stored (new): %d%n", stored()));
        storedByType.forEach((type, count) -> text.append(String.format("    %-26s %d%n", type, count)));
        text.append(String.format("  already present (not written again): %d%n", alreadyPresent));
        text.append(String.format("  skipped, type not kept by the store: %d%n", unsupported()));
        unsupportedByType.forEach((type, count) -> text.append(String.format("    %-26s %d%n", type, count)));
        text.append(String.format("  files with errors: %d%n", errors.size()));
        errors.forEach(error -> text.append(String.format("    %s: %s%n", error.file(), error.reason())));
        return text.toString();
    }
}
