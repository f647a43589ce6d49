package org.vigil.service.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * One resource type the store keeps, and what of it is indexed for search: the Patient it is
 * about, its token parameters (code, category, status, ...) and its date parameters.
 */
public final class IndexedType {

    private final String name;
    private final String patientParam;
    private final boolean patientRequired;
    private final Function<Resource, Reference> patient;
    private final Map<String, Function<Resource, List<IndexEntries.Token>>> tokens;
    private final Map<String, Function<Resource, List<DateRange>>> dates;
    private final Map<String, String> documentation;

    private IndexedType(Builder<?> builder) {
        this.name = builder.name;
        this.patientParam = builder.patientParam;
        this.patientRequired = builder.patientRequired;
        this.patient = builder.patient;
        this.tokens = Collections.unmodifiableMap(builder.tokens);
        this.dates = Collections.unmodifiableMap(builder.dates);
        this.documentation = Collections.unmodifiableMap(builder.documentation);
    }

    static <T extends Resource> Builder<T> of(Class<T> type) {
        return new Builder<>(type);
    }

    public String name() {
        return name;
    }

    /** {@code patient} or {@code subject} (both are accepted in a search), or empty for none. */
    public Optional<String> patientParam() {
        return Optional.ofNullable(patientParam);
    }

    public Set<String> tokenParams() {
        return tokens.keySet();
    }

    public Set<String> dateParams() {
        return dates.keySet();
    }

    /** What each search parameter searches, in words for the CapabilityStatement. */
    public String documentation(String param) {
        return documentation.getOrDefault(param, "");
    }

    /** The date parameter {@code _sort=date} orders by, or null when the type has none. */
    String sortParam() {
        return dates.isEmpty() ? null : dates.keySet().iterator().next();
    }

    IndexEntries index(Resource resource) {
        String patientId = null;
        if (patient != null) {
            Reference reference = patient.apply(resource);
            String target = reference == null ? null : reference.getReference();
            if (target != null && target.startsWith("Patient/")) {
                patientId = target.substring("Patient/".length());
            } else if (patientRequired) {
                throw new FhirProblem(
                        422,
                        "business-rule",
                        name + "." + (patientParam.equals("patient") ? "patient" : "subject")
                                + " must reference the Patient (Patient/{id}) the record is about");
            }
        }
        List<IndexEntries.Token> tokenRows = new ArrayList<>();
        tokens.values().forEach(extract -> tokenRows.addAll(extract.apply(resource)));
        List<IndexEntries.DateEntry> dateRows = new ArrayList<>();
        Instant sortDate = null;
        for (Map.Entry<String, Function<Resource, List<DateRange>>> entry : dates.entrySet()) {
            for (DateRange range : entry.getValue().apply(resource)) {
                dateRows.add(new IndexEntries.DateEntry(entry.getKey(), range));
                if (sortDate == null && entry.getKey().equals(sortParam())) {
                    sortDate = range.low();
                }
            }
        }
        return new IndexEntries(patientId, sortDate, tokenRows, dateRows);
    }

    static List<IndexEntries.Token> codings(String param, List<CodeableConcept> concepts) {
        List<IndexEntries.Token> rows = new ArrayList<>();
        for (CodeableConcept concept : concepts) {
            for (Coding coding : concept.getCoding()) {
                if (coding.hasCode()) {
                    rows.add(new IndexEntries.Token(
                            param, coding.hasSystem() ? coding.getSystem() : "", coding.getCode()));
                }
            }
        }
        return rows;
    }

    static List<IndexEntries.Token> codings(String param, CodeableConcept concept) {
        return concept == null ? List.of() : codings(param, List.of(concept));
    }

    static List<IndexEntries.Token> identifiers(List<org.hl7.fhir.r4.model.Identifier> identifiers) {
        List<IndexEntries.Token> rows = new ArrayList<>();
        for (org.hl7.fhir.r4.model.Identifier identifier : identifiers) {
            if (identifier.hasValue()) {
                rows.add(new IndexEntries.Token(
                        "identifier", identifier.hasSystem() ? identifier.getSystem() : "", identifier.getValue()));
            }
        }
        return rows;
    }

    static List<IndexEntries.Token> code(String param, Enumeration<?> value) {
        if (value == null || !value.hasCode()) {
            return List.of();
        }
        String system = value.getSystem();
        return List.of(new IndexEntries.Token(param, system == null ? "" : system, value.getCode()));
    }

    /** A medication[x] is indexed by its code when it is a CodeableConcept (not when a Reference). */
    static CodeableConcept medicationCode(Type medication) {
        return medication instanceof CodeableConcept ? (CodeableConcept) medication : null;
    }

    /** A date[x], dateTime, instant or Period; other choices (Age, Range, string, Timing) are not indexed. */
    static List<DateRange> range(Type value) {
        if (value instanceof BaseDateTimeType) {
            BaseDateTimeType date = (BaseDateTimeType) value;
            return date.hasValue() ? List.of(DateRange.parse(date.getValueAsString())) : List.of();
        }
        if (value instanceof Period) {
            Period period = (Period) value;
            if (!period.hasStart() && !period.hasEnd()) {
                return List.of();
            }
            return List.of(DateRange.between(
                    period.hasStart() ? DateRange.parse(period.getStartElement().getValueAsString()) : null,
                    period.hasEnd() ? DateRange.parse(period.getEndElement().getValueAsString()) : null));
        }
        return List.of();
    }

    static final class Builder<T extends Resource> {
        private final Class<T> type;
        private final String name;
        private String patientParam;
        private boolean patientRequired;
        private Function<Resource, Reference> patient;
        private final Map<String, Function<Resource, List<IndexEntries.Token>>> tokens = new LinkedHashMap<>();
        private final Map<String, Function<Resource, List<DateRange>>> dates = new LinkedHashMap<>();
        private final Map<String, String> documentation = new LinkedHashMap<>();

        private Builder(Class<T> type) {
            this.type = type;
            this.name = type.getSimpleName();
        }

        /** Indexed by {@code subject} (also searchable as {@code patient}) or {@code patient}. */
        Builder<T> patient(String param, boolean required, Function<T, Reference> reference) {
            this.patientParam = param;
            this.patientRequired = required;
            this.patient = resource -> reference.apply(type.cast(resource));
            return this;
        }

        Builder<T> token(String param, String doc, Function<T, List<IndexEntries.Token>> extract) {
            tokens.put(param, resource -> extract.apply(type.cast(resource)));
            documentation.put(param, doc);
            return this;
        }

        Builder<T> date(String param, String doc, Function<T, List<DateRange>> extract) {
            dates.put(param, resource -> extract.apply(type.cast(resource)));
            documentation.put(param, doc);
            return this;
        }

        IndexedType build() {
            return new IndexedType(this);
        }
    }
}
