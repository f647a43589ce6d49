package org.vigil.service.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Which PostgreSQL the tests talk to, chosen once per test JVM and announced loudly.
 *
 * <p>{@code VIGIL_TEST_INFRA} selects: {@code external} (the server named by
 * {@code VIGIL_TEST_POSTGRES_URL}, a JDBC URL, as CI sets it), {@code testcontainers} (a container,
 * where Docker exists), {@code embedded} (an embedded PostgreSQL in target/, what Vigil itself
 * starts when unconfigured), or {@code auto} (the default: external when the URL is set, else a
 * container when Docker answers, else embedded). Against an external server each JVM gets a fresh
 * database of its own, dropped at exit.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    private static Choice choice;

    private TestPostgres() {}

    /** Points the application under test at the chosen PostgreSQL. */
    public static synchronized void register(DynamicPropertyRegistry registry) throws Exception {
        if (choice == null) {
            choice = choose();
            log.warn(
                    "\n========================================================================\n"
                            + " Vigil integration tests use PostgreSQL: {}\n"
                            + "========================================================================",
                    choice.description);
        }
        if (choice.r2dbcUrl != null) {
            registry.add("spring.r2dbc.url", () -> choice.r2dbcUrl);
            registry.add("spring.r2dbc.username", () -> choice.username);
            registry.add("spring.r2dbc.password", () -> choice.password);
        } else {
            registry.add("vigil.embedded-database.data-directory", () -> choice.embeddedDirectory);
        }
    }

    /**
     * Properties for an application context of its own, outside the shared test context: the same
     * server and database as the shared context when it is a server, else a fresh embedded
     * PostgreSQL data directory (one embedded server per directory), which the caller can reuse to
     * start the application again on the same data.
     */
    public static synchronized java.util.Map<String, Object> standaloneProperties() throws Exception {
        if (choice == null) {
            choice = choose();
        }
        if (choice.r2dbcUrl != null) {
            return java.util.Map.of(
                    "spring.r2dbc.url", choice.r2dbcUrl,
                    "spring.r2dbc.username", choice.username,
                    "spring.r2dbc.password", choice.password);
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        return java.util.Map.of(
                "vigil.embedded-database.data-directory",
                Files.createTempDirectory(target, "pgdata-standalone-").toString());
    }

    /** A database of its own on the test server: host, port, name and credentials. */
    public record FreshDatabase(String host, int port, String name, String user, String password) {

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** Points a Vigil application context at this database. */
        public java.util.Map<String, Object> properties() {
            return java.util.Map.of(
                    "spring.r2dbc.url", r2dbcUrl(), "spring.r2dbc.username", user, "spring.r2dbc.password", password);
        }
    }

    /**
     * A new, empty database on the same server as the shared context (dropped when the JVM exits),
     * or empty when the tests run on an embedded PostgreSQL, which has no server to share.
     */
    public static synchronized java.util.Optional<FreshDatabase> freshDatabase() throws Exception {
        if (choice == null) {
            choice = choose();
        }
        if (choice.r2dbcUrl == null) {
            return java.util.Optional.empty();
        }
        java.net.URI server = java.net.URI.create(choice.r2dbcUrl.replaceFirst("^r2dbc:", ""));
        int port = server.getPort() < 0 ? 5432 : server.getPort();
        String admin = "jdbc:postgresql://" + server.getHost() + ":" + port + server.getPath();
        String database =
                "vigil_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(admin, choice.username, choice.password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, choice.username, choice.password, database)));
        return java.util.Optional.of(
                new FreshDatabase(server.getHost(), port, database, choice.username, choice.password));
    }

    public static synchronized String description() {
        return choice == null ? "(not chosen yet)" : choice.description;
    }

    private static Choice choose() throws Exception {
        String mode = env("VIGIL_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        String url = env("VIGIL_TEST_POSTGRES_URL", "");
        return switch (mode) {
            case "external" -> external(url);
            case "testcontainers" -> container();
            case "embedded" -> embedded();
            case "auto" -> !url.isBlank() ? external(url) : dockerAvailable() ? container() : embedded();
            default ->
                throw new IllegalStateException("VIGIL_TEST_INFRA must be auto, external, testcontainers or embedded");
        };
    }

    private static Choice external(String jdbcUrl) throws Exception {
        if (jdbcUrl.isBlank()) {
            throw new IllegalStateException("VIGIL_TEST_INFRA=external needs VIGIL_TEST_POSTGRES_URL (a JDBC URL)");
        }
        String user = env("VIGIL_TEST_POSTGRES_USER", "postgres");
        String password = env("VIGIL_TEST_POSTGRES_PASSWORD", "");
        String database =
                "vigil_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(jdbcUrl, user, password, database)));
        String base = jdbcUrl.replaceFirst("^jdbc:", "").replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
        return new Choice(
                "external server " + jdbcUrl.replaceFirst("\\?.*$", "") + " (fresh database " + database + ")",
                "r2dbc:" + base,
                user,
                password,
                null);
    }

    private static void drop(String jdbcUrl, String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (Exception e) {
            log.warn("Could not drop test database {}: {}", database, e.getMessage());
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static Choice container() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        postgres.start();
        String r2dbc = "r2dbc:postgresql://" + postgres.getHost() + ":" + postgres.getFirstMappedPort() + "/"
                + postgres.getDatabaseName();
        return new Choice(
                "Testcontainers " + postgres.getDockerImageName(),
                r2dbc,
                postgres.getUsername(),
                postgres.getPassword(),
                null);
    }

    private static Choice embedded() throws Exception {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path directory = Files.createTempDirectory(target, "pgdata-test-");
        return new Choice(
                "embedded PostgreSQL in " + directory + " (no VIGIL_TEST_POSTGRES_URL and no Docker)",
                null,
                null,
                null,
                directory.toString());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Choice(
            String description, String r2dbcUrl, String username, String password, String embeddedDirectory) {}
}
