package org.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine serves every request: concurrent calls must never see each other's facts or findings. */
class CheckEngineConcurrencyTest {

    private static final CheckEngine ENGINE = CheckEngine.shipped();

    private static List<String> ruleIds(PatientContext context) {
        return ENGINE.evaluate(context, Facts.KNOWLEDGE).stream()
                .map(Finding::ruleId)
                .sorted()
                .toList();
    }

    @Test
    void concurrentCallsOnDifferentChartsEachGetTheirOwnFindings() throws Exception {
        PatientContext interacting = Facts.context(
                List.of(Facts.draft("simva", Facts.SIMVASTATIN, 0)),
                List.of(Facts.active("clari", Facts.CLARITHROMYCIN)),
                List.of());
        PatientContext quiet = Facts.context(List.of(Facts.draft("amox", Facts.AMOXICILLIN, 0)), List.of(), List.of());
        List<String> interactingAlone = ruleIds(interacting);
        assertThat(interactingAlone).isNotEmpty();
        assertThat(ruleIds(quiet)).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean even = i % 2 == 0;
                calls.add(pool.submit(() -> even
                        ? ruleIds(interacting).equals(interactingAlone)
                        : ruleIds(quiet).isEmpty()));
            }
            for (Future<Boolean> call : calls) {
                assertThat(call.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
