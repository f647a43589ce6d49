package org.vigil.service.persistence;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.vigil.service.VigilProperties;

/**
 * PostgreSQL through R2DBC, with the schema kept by Flyway migrations. With {@code spring.r2dbc.url}
 * set Vigil uses that server; otherwise it starts an embedded PostgreSQL in a local directory, so
 * running it needs no server at all. Switching is configuration, not code.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment environment, VigilProperties properties) {
        String url = environment.getProperty("spring.r2dbc.url");
        DatabaseServer server = url == null || url.isBlank()
                ? DatabaseServer.embedded(Path.of(properties.embeddedDatabase().dataDirectory()))
                : DatabaseServer.external(
                        url,
                        environment.getProperty("spring.r2dbc.username", "postgres"),
                        environment.getProperty("spring.r2dbc.password", ""));
        migrate(server);
        return server;
    }

    private static void migrate(DatabaseServer server) {
        Flyway.configure()
                .dataSource(server.jdbcUrl(), server.username(), server.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(DatabaseServer server) {
        String url = server.r2dbcUrl().replaceFirst("^r2dbc:pool:", "r2dbc:");
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url)
                .mutate()
                .option(ConnectionFactoryOptions.USER, server.username())
                .option(ConnectionFactoryOptions.PASSWORD, server.password())
                .build();
        ConnectionFactory postgres = ConnectionFactories.get(options);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(postgres)
                .initialSize(2)
                .maxSize(10)
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }
}
