package org.vigil.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.rules.Facts.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.Urgency;

class UnrecognizedMedicationRuleTest {

    @Test
    void anOrderNoVocabularyEntryMatchesIsReportedAsUnchecked() {
        List<Finding> findings = CheckEngine.shipped()
                .evaluate(
                        context(List.of(draftNamed("tonic", "Grandma's herbal tonic 10 ML", 0)), List.of(), List.of()),
                        KNOWLEDGE);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MED-001");
            assertThat(finding.urgency()).isEqualTo(Urgency.INFO);
        });
    }

    @Test
    void aRecognisedOrderIsNotReported() {
        assertThat(CheckEngine.shipped()
                        .evaluate(context(List.of(draft("simva", SIMVASTATIN, 0)), List.of(), List.of()), KNOWLEDGE))
                .isEmpty();
    }
}
