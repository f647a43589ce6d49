package org.vigil.service.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.service.support.TestRedis;

/** Two instances share overrides through a real Redis: one prescriber's override quiets both. */
class RedisOverrideMemoryIT {

    private RedisOverrideMemory instanceOne;
    private RedisOverrideMemory instanceTwo;

    @BeforeEach
    void twoInstances() {
        String url = TestRedis.url();
        instanceOne = new RedisOverrideMemory(url, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(2));
        instanceTwo = new RedisOverrideMemory(url, Clock.systemUTC(), Duration.ofHours(24), Duration.ofSeconds(2));
        instanceOne.clear();
    }

    @AfterEach
    void close() {
        if (instanceOne != null) {
            instanceOne.close();
            instanceTwo.close();
        }
    }

    @Test
    void anOverrideReportedToOneInstanceQuietsTheSameAlertOnTheOther() {
        String card = UUID.randomUUID().toString();
        String key = SuppressionKey.digest("user|patient|DDI-011|[36567],[21212]");
        String unrelated = SuppressionKey.digest("user|patient|DDI-011|[36567],[28031]");
        Instant at = Instant.now().minusSeconds(60);

        instanceOne.issued(Map.of(card, key)).block();
        assertThat(instanceTwo.overridden(List.of(key)).block()).isEmpty();

        Integer known = instanceTwo
                .override(List.of(new OverrideMemory.Reported(card, at, "Benefit outweighs the risk for this patient")))
                .block();

        assertThat(known).isEqualTo(1);
        Map<String, OverrideMemory.PastOverride> found =
                instanceOne.overridden(List.of(key, unrelated)).block();
        assertThat(found).containsOnlyKeys(key);
        assertThat(found.get(key).reason()).isEqualTo("Benefit outweighs the risk for this patient");
        assertThat(found.get(key).at().toEpochMilli()).isEqualTo(at.toEpochMilli());
    }

    @Test
    void anOverrideOfACardNoInstanceIssuedQuietsNothing() {
        Integer known = instanceOne
                .override(List.of(new OverrideMemory.Reported(UUID.randomUUID().toString(), Instant.now(), null)))
                .block();

        assertThat(known).isZero();
    }
}
