package org.vigil.cql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.opencds.cqf.cql.engine.exception.TerminologyProviderException;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.terminology.CodeSystemInfo;
import org.opencds.cqf.cql.engine.terminology.TerminologyProvider;
import org.opencds.cqf.cql.engine.terminology.ValueSetInfo;

/**
 * Value sets for CQL from FHIR R4 ValueSet resources shipped with a pack, held in memory.
 *
 * <p>A value set's codes come from its {@code expansion.contains} (nested entries included) when it
 * has an expansion, otherwise from the concepts listed in {@code compose.include.concept}. Intensional
 * definitions (filters, included value sets, excludes) cannot be expanded here and are rejected when
 * the terminology is built, not when a request meets them. Value sets are found by canonical URL
 * (with or without {@code |version}). Immutable and thread-safe.
 */
public final class ValueSetTerminology implements TerminologyProvider {

    private final Map<String, List<Code>> codesByUrl;
    private final Map<String, Set<String>> keysByUrl;

    private ValueSetTerminology(Map<String, List<Code>> codesByUrl) {
        this.codesByUrl = Map.copyOf(codesByUrl);
        Map<String, Set<String>> keys = new HashMap<>();
        codesByUrl.forEach((url, codes) -> {
            Set<String> set = new HashSet<>();
            codes.forEach(c -> set.add(key(c.getSystem(), c.getCode())));
            keys.put(url, Set.copyOf(set));
        });
        this.keysByUrl = Map.copyOf(keys);
    }

    /** No value sets: a retrieve or membership test that names one fails. */
    public static ValueSetTerminology empty() {
        return new ValueSetTerminology(Map.of());
    }

    /**
     * Builds the terminology from ValueSet resources.
     *
     * @throws IllegalArgumentException for a value set without a URL, a duplicate URL, or one whose
     *     codes cannot be listed without a terminology server
     */
    public static ValueSetTerminology of(Collection<ValueSet> valueSets) {
        Map<String, List<Code>> codesByUrl = new HashMap<>();
        for (ValueSet vs : valueSets) {
            if (!vs.hasUrl()) {
                throw new IllegalArgumentException(
                        "ValueSet " + vs.getIdElement().getIdPart() + " has no url");
            }
            List<Code> codes = List.copyOf(codesOf(vs));
            register(codesByUrl, vs.getUrl(), codes);
            if (vs.hasVersion()) {
                register(codesByUrl, vs.getUrl() + "|" + vs.getVersion(), codes);
            }
        }
        return new ValueSetTerminology(codesByUrl);
    }

    private static void register(Map<String, List<Code>> codesByUrl, String url, List<Code> codes) {
        if (codesByUrl.putIfAbsent(url, codes) != null) {
            throw new IllegalArgumentException("Two value sets have the url " + url);
        }
    }

    private static List<Code> codesOf(ValueSet vs) {
        List<Code> codes = new ArrayList<>();
        if (vs.hasExpansion()) {
            addContains(codes, vs.getExpansion().getContains());
            return codes;
        }
        if (vs.getCompose().hasExclude()) {
            throw unsupported(vs, "compose.exclude");
        }
        for (ConceptSetComponent include : vs.getCompose().getInclude()) {
            if (include.hasFilter() || include.hasValueSet() || !include.hasConcept()) {
                throw unsupported(vs, "an include without an explicit concept list");
            }
            for (ConceptReferenceComponent concept : include.getConcept()) {
                codes.add(new Code()
                        .withSystem(include.getSystem())
                        .withVersion(include.hasVersion() ? include.getVersion() : null)
                        .withCode(concept.getCode())
                        .withDisplay(concept.hasDisplay() ? concept.getDisplay() : null));
            }
        }
        return codes;
    }

    private static void addContains(List<Code> codes, List<ValueSetExpansionContainsComponent> contains) {
        for (ValueSetExpansionContainsComponent c : contains) {
            if (c.hasCode() && !(c.hasAbstract() && c.getAbstract())) {
                codes.add(new Code()
                        .withSystem(c.getSystem())
                        .withVersion(c.hasVersion() ? c.getVersion() : null)
                        .withCode(c.getCode())
                        .withDisplay(c.hasDisplay() ? c.getDisplay() : null));
            }
            addContains(codes, c.getContains());
        }
    }

    private static IllegalArgumentException unsupported(ValueSet vs, String what) {
        return new IllegalArgumentException("ValueSet " + vs.getUrl() + " uses " + what
                + "; ship it with an expansion or list its concepts in compose.include.concept");
    }

    static String key(String system, String code) {
        return (system == null ? "" : system) + "|" + code;
    }

    @Override
    public boolean in(Code code, ValueSetInfo valueSet) {
        return code != null && keys(valueSet).contains(key(code.getSystem(), code.getCode()));
    }

    @Override
    public Iterable<Code> expand(ValueSetInfo valueSet) {
        return codes(valueSet.getId(), valueSet.getVersion());
    }

    /** The codes of a value set by URL (and optional version). */
    public List<Code> codes(String url, String version) {
        List<Code> codes = version == null ? null : codesByUrl.get(url + "|" + version);
        if (codes == null) {
            codes = codesByUrl.get(url);
        }
        if (codes == null) {
            throw new TerminologyProviderException("Unknown value set: " + url);
        }
        return codes;
    }

    private Set<String> keys(ValueSetInfo valueSet) {
        Set<String> keys =
                valueSet.getVersion() == null ? null : keysByUrl.get(valueSet.getId() + "|" + valueSet.getVersion());
        if (keys == null) {
            keys = keysByUrl.get(valueSet.getId());
        }
        if (keys == null) {
            throw new TerminologyProviderException("Unknown value set: " + valueSet.getId());
        }
        return keys;
    }

    @Override
    public Code lookup(Code code, CodeSystemInfo codeSystem) {
        throw new TerminologyProviderException("Code lookup is not supported: no code systems are loaded");
    }
}
