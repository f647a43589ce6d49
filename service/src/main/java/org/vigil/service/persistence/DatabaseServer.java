package org.vigil.service.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Vigil talks to: the one configured with {@code spring.r2dbc.url}, or an
 * embedded one started in a local data directory when none is configured.
 */
final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final String r2dbcUrl;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(
            String r2dbcUrl, String jdbcUrl, String username, String password, EmbeddedPostgres embedded) {
        this.r2dbcUrl = r2dbcUrl;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    static DatabaseServer external(String r2dbcUrl, String username, String password) {
        log.info("Using the configured PostgreSQL server at {}", withoutCredentials(r2dbcUrl));
        return new DatabaseServer(r2dbcUrl, jdbcUrlOf(r2dbcUrl), username, password, null);
    }

    static DatabaseServer embedded(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            int port = postgres.getPort();
            log.info(
                    "No spring.r2dbc.url configured: started embedded PostgreSQL on port {} with data in {}",
                    port,
                    dataDirectory.toAbsolutePath());
            return new DatabaseServer(
                    "r2dbc:postgresql://localhost:" + port + "/postgres",
                    "jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres",
                    "",
                    postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** {@code r2dbc:postgresql://host:port/db?x=y} becomes {@code jdbc:postgresql://host:port/db?x=y}. */
    static String jdbcUrlOf(String r2dbcUrl) {
        String rest = r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "");
        if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
            throw new IllegalArgumentException("spring.r2dbc.url must be a PostgreSQL URL (r2dbc:postgresql://...)");
        }
        rest = rest.replaceFirst("^postgres://", "postgresql://");
        int at = rest.indexOf('@');
        if (at > 0) {
            rest = "postgresql://" + rest.substring(at + 1);
        }
        return "jdbc:" + libpqNames(rest);
    }

    /**
     * R2DBC spells the TLS options sslMode, sslRootCert, sslCert, sslKey, sslPassword; the JDBC driver
     * (Flyway's connection) reads them as sslmode, sslrootcert, ... and ignores the R2DBC spelling,
     * so one URL sets TLS for both.
     */
    private static String libpqNames(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder result = new StringBuilder(url.substring(0, query + 1));
        String[] options = url.substring(query + 1).split("&");
        for (int i = 0; i < options.length; i++) {
            String option = options[i];
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            if (name.startsWith("ssl")) {
                option = name.toLowerCase(java.util.Locale.ROOT) + (equals < 0 ? "" : option.substring(equals));
            }
            result.append(i == 0 ? "" : "&").append(option);
        }
        return result.toString();
    }

    private static String withoutCredentials(String url) {
        return url.replaceFirst("//[^/@]*@", "//");
    }

    String r2dbcUrl() {
        return r2dbcUrl;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
