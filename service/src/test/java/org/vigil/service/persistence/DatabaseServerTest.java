package org.vigil.service.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.vigil.service.VigilProperties;

class DatabaseServerTest {

    @Test
    void derivesTheJdbcUrlFlywayNeedsFromTheR2dbcUrl() {
        assertThat(DatabaseServer.jdbcUrlOf("r2dbc:postgresql://db.internal:5433/vigil?sslMode=require"))
                .isEqualTo("jdbc:postgresql://db.internal:5433/vigil?sslmode=require");
        assertThat(
                        DatabaseServer.jdbcUrlOf(
                                "r2dbc:postgresql://db:5432/vigil?sslMode=verify-full&sslRootCert=/etc/vigil/ca.pem&connectTimeout=PT5S"))
                .isEqualTo(
                        "jdbc:postgresql://db:5432/vigil?sslmode=verify-full&sslrootcert=/etc/vigil/ca.pem&connectTimeout=PT5S");
        assertThat(DatabaseServer.jdbcUrlOf("r2dbc:pool:postgresql://vigil:secret@db:5432/vigil"))
                .isEqualTo("jdbc:postgresql://db:5432/vigil");
        assertThatThrownBy(() -> DatabaseServer.jdbcUrlOf("r2dbc:mysql://db/vigil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL");
    }

    /** The no-server default: a real PostgreSQL in a local directory, schema migrated, data kept. */
    @Test
    void theEmbeddedDatabaseStartsMigratesAndKeepsItsDataAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        VigilProperties properties = new VigilProperties(
                null, null, null, new VigilProperties.EmbeddedDatabase(data.toString()), null, null);
        try (DatabaseServer first = new DatabaseConfiguration().databaseServer(new MockEnvironment(), properties)) {
            assertThat(first.isEmbedded()).isTrue();
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (DatabaseServer again = DatabaseServer.embedded(data);
                Connection connection =
                        DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
                ResultSet tables = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM information_schema.tables"
                                + " WHERE table_name IN ('alert_log', 'card_feedback')")) {
            assertThat(again.isEmbedded()).isTrue();
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(2);
        }
    }
}
