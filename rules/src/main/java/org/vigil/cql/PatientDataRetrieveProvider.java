package org.vigil.cql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.opencds.cqf.cql.engine.retrieve.RetrieveProvider;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Interval;

/**
 * Answers CQL retrieves from one patient's {@link CqlPatientData}: by type, then by code through the
 * data's code index; a value set is expanded through the {@link ValueSetTerminology}.
 *
 * <p>Not supported yet: date-range retrieves (the translator only emits them with the date-range
 * optimisation, which Vigil leaves off; filter dates in CQL instead) and contexts other than Patient
 * and Unfiltered.
 */
final class PatientDataRetrieveProvider implements RetrieveProvider {

    private final CqlPatientData data;
    private final ModelResolver modelResolver;
    private final ValueSetTerminology terminology;

    PatientDataRetrieveProvider(CqlPatientData data, ModelResolver modelResolver, ValueSetTerminology terminology) {
        this.data = data;
        this.modelResolver = modelResolver;
        this.terminology = terminology;
    }

    @Override
    public Iterable<Object> retrieve(
            String context,
            String contextPath,
            Object contextValue,
            String dataType,
            String templateId,
            String codePath,
            Iterable<Code> codes,
            String valueSet,
            String datePath,
            String dateLowPath,
            String dateHighPath,
            Interval dateRange) {
        if (dateRange != null) {
            throw new UnsupportedOperationException("Date-range retrieves are not supported; filter dates in CQL");
        }
        if ("Patient".equals(context)) {
            if (contextValue != null && !data.patientId().equals(String.valueOf(contextValue))) {
                return List.of();
            }
        } else if (context != null && !"Unfiltered".equals(context)) {
            throw new UnsupportedOperationException("Retrieves in context " + context + " are not supported");
        }
        List<Resource> ofType = data.ofType(dataType);
        if (codes == null && valueSet == null) {
            return List.copyOf(ofType);
        }
        if (codePath == null) {
            throw new IllegalArgumentException("A code-filtered retrieve of " + dataType + " needs a code path");
        }
        Map<String, int[]> index = data.codeIndex(dataType, codePath, r -> codesAt(r, codePath));
        BitSet hits = new BitSet(ofType.size());
        if (codes != null) {
            for (Code code : codes) {
                mark(hits, index.get(ValueSetTerminology.key(code.getSystem(), code.getCode())));
            }
        }
        if (valueSet != null) {
            for (Code code : terminology.codes(valueSet, null)) {
                mark(hits, index.get(ValueSetTerminology.key(code.getSystem(), code.getCode())));
            }
        }
        List<Object> out = new ArrayList<>(hits.cardinality());
        for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
            out.add(ofType.get(i));
        }
        return out;
    }

    private static void mark(BitSet hits, int[] positions) {
        if (positions != null) {
            for (int p : positions) {
                hits.set(p);
            }
        }
    }

    /** The {@code system|code} keys a resource has at a code path (CodeableConcept, Coding or lists of them). */
    private List<String> codesAt(Resource resource, String codePath) {
        List<String> keys = new ArrayList<>();
        collect(modelResolver.resolvePath(resource, codePath), keys);
        return keys;
    }

    private static void collect(Object value, List<String> keys) {
        if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                collect(c, keys);
            }
        } else if (value instanceof Coding c) {
            if (c.hasCode()) {
                keys.add(ValueSetTerminology.key(c.getSystem(), c.getCode()));
            }
        } else if (value instanceof Iterable<?> values) {
            for (Object v : values) {
                collect(v, keys);
            }
        }
    }
}
