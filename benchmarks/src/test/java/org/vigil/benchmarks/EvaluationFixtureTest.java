package org.vigil.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.vigil.cdshooks.codec.CdsHooksCodec;
import org.vigil.cdshooks.request.CdsRequest;
import org.vigil.knowledge.KnowledgeSnapshot;
import org.vigil.rules.CheckEngine;
import org.vigil.rules.Finding;
import org.vigil.rules.PatientContext;

/** {@link EvaluationBenchmark} measures real work only if its chart has the stated size and raises findings. */
class EvaluationFixtureTest {

    private final KnowledgeSnapshot knowledge = KnowledgeSnapshot.bundled();
    private final PatientContext context = EvaluationBenchmark.context(knowledge);

    @Test
    void theChartHasTheSizeTheTargetNames() {
        assertThat(context.draftOrders()).hasSize(3).allSatisfy(draft -> {
            assertThat(draft.medication().recognized()).isTrue();
            assertThat(draft.dosage()).isNotNull();
        });
        assertThat(context.activeMedications())
                .hasSize(20)
                .allSatisfy(
                        active -> assertThat(active.medication().recognized()).isTrue());
        assertThat(context.allergies()).hasSize(10);
        assertThat(context.conditions()).hasSize(10);
        assertThat(context.conditions().stream()
                        .filter(condition -> !condition.groups().isEmpty()))
                .as("conditions the knowledge base groups")
                .hasSizeGreaterThanOrEqualTo(5);

        CdsRequest request = new CdsHooksCodec(FhirContext.forR4Cached())
                .decodeRequest(Pipelines.resource(EvaluationBenchmark.FIXTURE));
        Bundle labs = (Bundle) request.prefetch().resource("labs").orElseThrow();
        assertThat(labs.getEntry())
                .hasSize(50)
                .allSatisfy(entry -> assertThat(entry.getResource()).isInstanceOf(Observation.class));
        // the rules see the latest result of each analyte, with the one before it for the trend
        assertThat(context.results()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(context.uncomparableResults()).isEmpty();
    }

    @Test
    void theChartRaisesFindingsFromSeveralChecks() {
        List<Finding> findings = CheckEngine.shipped().evaluate(context, knowledge);

        // ibuprofen 800 mg five times a day: over the daily maximum, beside warfarin and lisinopril,
        // with heart failure, CKD stage 4, a gastric ulcer and eGFR 24; morphine on top of
        // hydrocodone and lorazepam; amoxicillin with an amoxicillin allergy
        assertThat(findings.stream().map(Finding::check).collect(Collectors.toSet()))
                .contains("allergy", "interaction", "duplicate", "disease", "renal", "dose", "opioid");
        assertThat(findings)
                .extracting(Finding::ruleId)
                .contains("ALG-001", "DDI-205", "DUP-002", "DIS-001", "REN-001", "DOS-002", "OPI-002", "OPI-003");
        assertThat(findings).hasSizeGreaterThanOrEqualTo(12);
    }
}
