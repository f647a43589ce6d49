package org.vigil.service.support;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis the integration tests use, chosen once per JVM and announced loudly:
 * {@code VIGIL_TEST_REDIS_URL} (as CI sets it), else a Testcontainers Redis where Docker runs. With
 * neither, a test that needs Redis is aborted with that reason on a developer machine, and fails in
 * CI ({@code CI} set), where Redis must be there. Tests use database 15 to keep clear of a local
 * Vigil's keys.
 */
public final class TestRedis {

    private static final Logger log = LoggerFactory.getLogger(TestRedis.class);
    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = choose();
            log.warn(
                    "\n========================================================================\n"
                            + " Vigil integration tests use Redis: {}\n"
                            + "========================================================================",
                    url);
        }
        return url;
    }

    private static String choose() {
        String configured = System.getenv("VIGIL_TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return withDatabase(configured.strip());
        }
        if (dockerAvailable()) {
            @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            return "redis://" + redis.getHost() + ":" + redis.getFirstMappedPort() + "/15";
        }
        String reason = "No Redis for this test: set VIGIL_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) or run Docker";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(reason);
        }
        Assumptions.abort(reason);
        throw new IllegalStateException(reason.toLowerCase(Locale.ROOT));
    }

    private static String withDatabase(String redisUrl) {
        return redisUrl.matches("redis://[^/]+/\\d+") ? redisUrl : redisUrl.replaceFirst("/?$", "/15");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
