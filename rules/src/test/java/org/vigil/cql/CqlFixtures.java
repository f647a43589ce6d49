package org.vigil.cql;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ValueSet;

/** Shared, costly test fixtures: one translation of the test libraries and one evaluator for all test classes. */
final class CqlFixtures {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final CqlLibraries LIBRARIES = new CqlLibraries();
    static final CqlLibrary VITALS;
    static final CqlLibrary LAB_SETS;
    static final ValueSetTerminology TERMINOLOGY;
    static final CqlEvaluator EVALUATOR;

    static {
        VITALS = LIBRARIES.translateResource("org/vigil/cql/VigilVitals.cql");
        LAB_SETS = LIBRARIES.translateResource("org/vigil/cql/VigilLabSets.cql");
        TERMINOLOGY = ValueSetTerminology.of(bundle("ValueSets.json").getEntry().stream()
                .map(e -> (ValueSet) e.getResource())
                .toList());
        EVALUATOR = new CqlEvaluator(LIBRARIES, TERMINOLOGY);
    }

    private CqlFixtures() {}

    static Bundle bundle(String name) {
        try (InputStream in = CqlFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CqlPatientData patient(String name) {
        return CqlPatientData.of(bundle(name));
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
