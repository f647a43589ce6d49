package org.vigil.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.vigil.service.store.FhirStore;
import org.vigil.service.support.VigilServerTest;

/**
 * scripts/backup and scripts/restore against the real PostgreSQL the tests use: a dump of the
 * running store restored into a fresh database holds every resource, every version of its
 * history (deletions included) and the search index, row for row.
 */
class BackupRestoreIT extends VigilServerTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreIT.class);
    private static final Path SCRIPTS =
            Path.of("..", "scripts").toAbsolutePath().normalize();

    @Autowired
    private FhirStore store;

    @Autowired
    private Environment environment;

    @TempDir
    Path folder;

    @Test
    void aRestoredDumpHoldsEveryResourceAndItsHistory() throws Exception {
        boolean tools = onPath("pg_dump") && onPath("pg_restore") && onPath("psql");
        if (!tools) {
            log.error("\n!!!! BackupRestoreIT SKIPPED: pg_dump, pg_restore or psql is not installed"
                    + " (apt-get install postgresql-client; .ci/run installs it) !!!!");
        }
        Assumptions.assumeTrue(tools, "pg_dump, pg_restore and psql are needed (postgresql-client)");

        String patient = "bk-" + UUID.randomUUID();
        Patient person = new Patient();
        person.addName().setFamily("Okafor");
        store.update("Patient", patient, person, null).block();
        person.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        store.update("Patient", patient, person, null).block();
        Observation result = new Observation();
        result.setStatus(Observation.ObservationStatus.FINAL);
        result.getCode().addCoding().setSystem("http://loinc.org").setCode("2160-0");
        result.setSubject(new Reference("Patient/" + patient));
        store.update("Observation", patient + "-crea", result, null).block();
        store.delete("Observation", patient + "-crea").block();

        Server source = source();
        String fresh =
                "vigil_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = source.connect(source.database());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + fresh);
        }
        try {
            Path dump = folder.resolve("vigil.dump");
            run(source, source.database(), "backup", dump.toString());
            assertThat(dump).isNotEmptyFile();
            run(source, fresh, "restore", dump.toString());

            try (Connection before = source.connect(source.database());
                    Connection after = source.connect(fresh)) {
                for (String query : List.of(
                        "SELECT resource_type, id, version_id, last_updated, deleted, resource::text, patient_id"
                                + " FROM fhir_resource ORDER BY 1, 2",
                        "SELECT resource_type, id, version_id, last_updated, deleted, method, resource::text"
                                + " FROM fhir_resource_history ORDER BY 1, 2, 3",
                        "SELECT resource_type, resource_id, param, system, code FROM fhir_search_token"
                                + " ORDER BY 1, 2, 3, 4, 5",
                        "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
                    assertThat(rows(after, query)).isEqualTo(rows(before, query));
                }
                assertThat(rows(
                                after,
                                "SELECT version_id, method FROM fhir_resource_history WHERE id = '" + patient
                                        + "' ORDER BY 1"))
                        .containsExactly(List.of("1", "PUT"), List.of("2", "PUT"));
                assertThat(rows(
                                after,
                                "SELECT version_id, deleted FROM fhir_resource_history WHERE id = '" + patient
                                        + "-crea' ORDER BY 1"))
                        .containsExactly(List.of("1", "f"), List.of("2", "t"));
            }
        } finally {
            try (Connection admin = source.connect(source.database());
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)");
            }
        }
    }

    /** Where the running Vigil's database is: its configured URL, or the embedded server's port. */
    private record Server(String host, int port, String database, String user, String password) {

        Connection connect(String name) throws Exception {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
        }

        String r2dbcUrl(String name) {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    private Server source() {
        String url = environment.getProperty("spring.r2dbc.url");
        String user = environment.getProperty("spring.r2dbc.username", "postgres");
        String password = environment.getProperty("spring.r2dbc.password", "");
        String database = this.database
                .sql("SELECT current_database() AS name")
                .map(row -> row.get("name", String.class))
                .one()
                .block();
        if (url != null && !url.isBlank()) {
            URI server = URI.create(url.replaceFirst("^r2dbc:(pool:)?", ""));
            return new Server(
                    server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(), database, user, password);
        }
        Integer port = this.database
                .sql("SELECT inet_server_port() AS port")
                .map(row -> row.get("port", Integer.class))
                .one()
                .block();
        return new Server("localhost", port, database, user, password);
    }

    private static void run(Server server, String database, String script, String dump) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPTS.resolve(script).toString(), dump).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("SPRING_R2DBC"));
        env.put("SPRING_R2DBC_URL", server.r2dbcUrl(database));
        env.put("SPRING_R2DBC_USERNAME", server.user());
        if (!server.password().isEmpty()) {
            env.put("SPRING_R2DBC_PASSWORD", server.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("scripts/%s said: %s", script, output)
                .isZero();
    }

    private static List<List<String>> rows(Connection connection, String query) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
