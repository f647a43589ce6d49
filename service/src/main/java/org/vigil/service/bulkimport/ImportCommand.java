package org.vigil.service.bulkimport;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar service-exec.jar import <folder or file>... [--spring.r2dbc.url=...]}: imports
 * FHIR files into the record store Vigil is configured with (the same settings as the service:
 * the embedded PostgreSQL by default), without serving HTTP. Progress goes to stderr every two
 * seconds; the summary to stdout. Exits 0 when every file was imported, 1 when some were not, 2 on
 * wrong usage.
 */
public final class ImportCommand {

    private ImportCommand() {}

    /** Runs the import; {@code args} are what followed the word {@code import}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> paths = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? settings : paths).add(arg);
        }
        if (paths.isEmpty()) {
            err.println(
                    "usage: import <folder or file>... (JSON Bundles or resources, NDJSON) [--spring.r2dbc.url=...]");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (String path : paths) {
            Path input = Path.of(path);
            if (!Files.exists(input)) {
                err.println("import: " + path + " does not exist");
                return 2;
            }
            files.addAll(BulkImport.inputs(input));
        }
        settings.add("--spring.main.lazy-initialization=true");
        settings.add("--spring.main.log-startup-info=false");
        settings.add("--vigil.demo-data.enabled=false");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of("logging.level.root", "WARN"))
                .run(settings.toArray(String[]::new))) {
            ImportSummary summary = context.getBean(BulkImport.class)
                    .run(files, Duration.ofSeconds(2), err::println)
                    .block();
            out.print(summary.describe());
            return summary.errors().isEmpty() ? 0 : 1;
        }
    }
}
