package org.vigil.knowledge.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;

/**
 * Laboratory and vital-sign terminology: which analyte a LOINC code reports, how to bring a value to
 * the analyte's canonical unit, and the analyte's reference and critical limits. Immutable; every
 * lookup is a hash probe and a conversion allocates nothing but its result
 * ({@link #canonicalValueOrNaN} allocates nothing at all).
 */
public final class LabCatalog {

    public static final String ANALYTES = "lab-analytes.tsv";
    public static final String UNITS = "lab-units.tsv";
    public static final String LIMITS = "lab-limits.tsv";

    /** The tables, in load (and hashing) order. */
    public static final List<String> FILES = List.of(ANALYTES, UNITS, LIMITS);

    private final Map<String, Optional<Analyte>> analyteByLoinc;
    private final Map<String, Optional<LoincMapping>> mappingByLoinc;
    private final Map<String, Optional<Analyte>> analyteById;
    private final Map<String, UnitTable> unitsByAnalyte;
    private final Map<String, Optional<LabLimits>> adultLimits;
    private final Map<Population, Map<String, Optional<LabLimits>>> limitsByPopulation;
    private final List<LoincMapping> mappings;
    private final List<Analyte> analytes;

    LabCatalog(
            List<LoincMapping> mappings,
            List<Analyte> analytes,
            Map<String, UnitTable> unitsByAnalyte,
            Map<Population, Map<String, LabLimits>> limits) {
        this.mappings = List.copyOf(mappings);
        this.analytes = List.copyOf(analytes);
        Map<String, Optional<Analyte>> byLoinc = new LinkedHashMap<>();
        Map<String, Optional<LoincMapping>> mappingBy = new LinkedHashMap<>();
        for (LoincMapping mapping : mappings) {
            byLoinc.put(mapping.loinc(), Optional.of(mapping.analyte()));
            mappingBy.put(mapping.loinc(), Optional.of(mapping));
        }
        Map<String, Optional<Analyte>> byId = new LinkedHashMap<>();
        analytes.forEach(analyte -> byId.put(analyte.id(), Optional.of(analyte)));
        this.analyteByLoinc = Map.copyOf(byLoinc);
        this.mappingByLoinc = Map.copyOf(mappingBy);
        this.analyteById = Map.copyOf(byId);
        this.unitsByAnalyte = Map.copyOf(unitsByAnalyte);
        Map<Population, Map<String, Optional<LabLimits>>> populations = new LinkedHashMap<>();
        for (Population population : Population.values()) {
            Map<String, Optional<LabLimits>> rows = new LinkedHashMap<>();
            limits.getOrDefault(population, Map.of()).forEach((id, row) -> rows.put(id, Optional.of(row)));
            populations.put(population, Map.copyOf(rows));
        }
        this.limitsByPopulation = Map.copyOf(populations);
        this.adultLimits = this.limitsByPopulation.get(Population.ADULT);
    }

    /** Reads and validates {@link #FILES} from {@code source}. */
    public static LabCatalog load(KnowledgeSource source) {
        Objects.requireNonNull(source, "source");
        Map<String, byte[]> tables = source.readAll(FILES);
        return parse(tables);
    }

    /** Validates already-read tables (file name to bytes), e.g. a published version being built aside. */
    public static LabCatalog parse(Map<String, byte[]> tables) {
        Objects.requireNonNull(tables, "tables");
        for (String file : FILES) {
            if (tables.get(file) == null) {
                throw new KnowledgeLoadException(file, 0, "table missing");
            }
        }
        return LabTables.parse(tables.get(ANALYTES), tables.get(UNITS), tables.get(LIMITS));
    }

    /** The analyte a LOINC code reports; empty for a code this catalog does not know. */
    public Optional<Analyte> analyteForLoinc(String loinc) {
        if (loinc == null) {
            return Optional.empty();
        }
        Optional<Analyte> analyte = analyteByLoinc.get(loinc);
        return analyte == null ? Optional.empty() : analyte;
    }

    /** The table row of a LOINC code, with its display name and citation. */
    public Optional<LoincMapping> mapping(String loinc) {
        if (loinc == null) {
            return Optional.empty();
        }
        Optional<LoincMapping> mapping = mappingByLoinc.get(loinc);
        return mapping == null ? Optional.empty() : mapping;
    }

    public Optional<Analyte> analyte(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Analyte> analyte = analyteById.get(id);
        return analyte == null ? Optional.empty() : analyte;
    }

    /** Every analyte, in table order. */
    public List<Analyte> analytes() {
        return analytes;
    }

    /** Every LOINC row, in table order. */
    public List<LoincMapping> mappings() {
        return mappings;
    }

    /** The conversion rules an analyte accepts, its implicit identity rule included. */
    public List<UnitConversion> conversions(Analyte analyte) {
        return table(analyte).rules();
    }

    /**
     * Brings a value reported in {@code unit} to {@code analyte}'s canonical unit, or says why it
     * cannot: no unit, a unit with no known conversion, or a value that is not a finite number.
     */
    public Conversion toCanonical(Analyte analyte, double value, String unit) {
        UnitTable table = table(analyte);
        Conversion.Reason problem = inputProblem(value, unit);
        UnitConversion rule = problem == null ? table.find(unit) : null;
        if (rule == null) {
            return new Conversion.NotConvertible(
                    analyte.id(), unit, problem == null ? Conversion.Reason.UNKNOWN_UNIT : problem);
        }
        return new Conversion.Converted(rule.toCanonical(value), analyte.canonicalUnit(), rule);
    }

    /**
     * The canonical value as a primitive, or {@link Double#NaN} whenever {@link #toCanonical} would
     * not convert. Allocates nothing; for hot loops that only need the number.
     */
    public double canonicalValueOrNaN(Analyte analyte, double value, String unit) {
        UnitTable table = table(analyte);
        UnitConversion rule = inputProblem(value, unit) == null ? table.find(unit) : null;
        return rule == null ? Double.NaN : rule.toCanonical(value);
    }

    /**
     * Converts between any two units the analyte accepts (through its canonical unit), e.g. to show
     * a creatinine in the unit the clinician's laboratory reports.
     */
    public Conversion convert(Analyte analyte, double value, String fromUnit, String toUnit) {
        Conversion canonical = toCanonical(analyte, value, fromUnit);
        if (!(canonical instanceof Conversion.Converted converted)) {
            return canonical;
        }
        UnitConversion to =
                toUnit == null || toUnit.isBlank() ? null : table(analyte).find(toUnit);
        if (to == null) {
            return new Conversion.NotConvertible(
                    analyte.id(),
                    toUnit,
                    toUnit == null || toUnit.isBlank()
                            ? Conversion.Reason.MISSING_UNIT
                            : Conversion.Reason.UNKNOWN_UNIT);
        }
        return new Conversion.Converted(to.fromCanonical(converted.value()), to.unit(), converted.rule());
    }

    /** Adult limits of an analyte; empty when none are sourced. */
    public Optional<LabLimits> limits(String analyteId) {
        return lookup(adultLimits, analyteId);
    }

    /**
     * The limits for an adult of the given administrative sex ({@code female}, {@code male}): the
     * sex-specific row where the table has one, otherwise the adult row.
     */
    public Optional<LabLimits> limitsForSex(String analyteId, String sex) {
        Population population = Population.forSex(sex);
        if (population != Population.ADULT) {
            Optional<LabLimits> specific = limits(analyteId, population);
            if (specific.isPresent()) {
                return specific;
            }
        }
        return limits(analyteId);
    }

    public Optional<LabLimits> limits(String analyteId, Population population) {
        return lookup(limitsByPopulation.get(Objects.requireNonNull(population, "population")), analyteId);
    }

    private static Optional<LabLimits> lookup(Map<String, Optional<LabLimits>> rows, String analyteId) {
        if (analyteId == null) {
            return Optional.empty();
        }
        Optional<LabLimits> limits = rows.get(analyteId);
        return limits == null ? Optional.empty() : limits;
    }

    private UnitTable table(Analyte analyte) {
        Objects.requireNonNull(analyte, "analyte");
        UnitTable table = unitsByAnalyte.get(analyte.id());
        if (table == null || !analyteById.get(analyte.id()).orElseThrow().equals(analyte)) {
            throw new IllegalArgumentException("analyte '" + analyte.id() + "' is not from this catalog");
        }
        return table;
    }

    private static Conversion.Reason inputProblem(double value, String unit) {
        if (unit == null || unit.isBlank()) {
            return Conversion.Reason.MISSING_UNIT;
        }
        return Double.isFinite(value) ? null : Conversion.Reason.NOT_A_NUMBER;
    }
}
