package org.vigil.knowledge.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Parses and validates the three lab tables in dependency order (analytes, units, limits); every
 * problem is reported with its file and line.
 */
final class LabTables {

    private static final Pattern ANALYTE_ID = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");

    private LabTables() {}

    static LabCatalog parse(byte[] analyteBytes, byte[] unitBytes, byte[] limitBytes) {
        Analytes analytes = analytes(analyteBytes);
        Map<String, UnitTable> units = units(unitBytes, analytes);
        Map<Population, Map<String, LabLimits>> limits = limits(limitBytes, analytes);
        return new LabCatalog(analytes.mappings, List.copyOf(analytes.byId.values()), units, limits);
    }

    private record Analytes(List<LoincMapping> mappings, Map<String, Analyte> byId, Map<String, Integer> lineOf) {

        Optional<Analyte> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    private static Analytes analytes(byte[] bytes) {
        List<LoincMapping> mappings = new ArrayList<>();
        Map<String, Analyte> byId = new LinkedHashMap<>();
        Map<String, Integer> analyteLine = new HashMap<>();
        Map<String, Integer> loincLine = new HashMap<>();
        List<String> required = List.of("loinc", "analyte", "analyte_name", "kind", "canonical_unit", "source");
        TsvReader.read(LabCatalog.ANALYTES, bytes, required, row -> {
            String loinc = row.required("loinc");
            if (!Loinc.hasForm(loinc)) {
                throw row.error("loinc '" + loinc + "' is not a LOINC code (digits, '-', check digit)");
            }
            int expected = Loinc.checkDigit(loinc.substring(0, loinc.indexOf('-')));
            if (loinc.charAt(loinc.length() - 1) - '0' != expected) {
                throw row.error("loinc '" + loinc + "' has a wrong check digit (expected " + expected + ")");
            }
            Integer first = loincLine.putIfAbsent(loinc, row.line());
            if (first != null) {
                throw row.error("duplicate loinc " + loinc + " (first at line " + first + ")");
            }
            String id = row.required("analyte");
            if (!ANALYTE_ID.matcher(id).matches()) {
                throw row.error("analyte '" + id + "' must be lower-case letters and digits joined by '_'");
            }
            Analyte analyte = new Analyte(
                    id,
                    row.required("analyte_name"),
                    row.enumValue("kind", AnalyteKind.class),
                    row.required("canonical_unit"));
            Analyte known = byId.putIfAbsent(id, analyte);
            if (known == null) {
                analyteLine.put(id, row.line());
            } else if (!known.equals(analyte)) {
                throw row.error("analyte '" + id + "' is defined at line " + analyteLine.get(id) + " as "
                        + describe(known) + " but here as " + describe(analyte));
            }
            mappings.add(new LoincMapping(loinc, row.optional("loinc_display"), byId.get(id), row.citation()));
        });
        return new Analytes(mappings, byId, analyteLine);
    }

    private static String describe(Analyte analyte) {
        return "'" + analyte.name() + "', " + analyte.kind().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + analyte.canonicalUnit();
    }

    private record Rule(UnitConversion conversion, int line) {}

    private static Map<String, UnitTable> units(byte[] bytes, Analytes analytes) {
        Map<String, Map<String, Rule>> own = new HashMap<>();
        Map<String, Map<String, Rule>> shared = new HashMap<>();
        List<String> required = List.of("analyte", "unit", "canonical_unit", "factor", "source");
        TsvReader.read(LabCatalog.UNITS, bytes, required, row -> {
            String analyteId = row.required("analyte");
            String unit = row.required("unit");
            String canonical = row.required("canonical_unit");
            boolean anyAnalyte = UnitConversion.ANY_ANALYTE.equals(analyteId);
            if (anyAnalyte) {
                boolean used = analytes.byId.values().stream()
                        .anyMatch(a -> a.canonicalUnit().equals(canonical));
                if (!used) {
                    throw row.error("no analyte in " + LabCatalog.ANALYTES + " has canonical unit '" + canonical + "'");
                }
            } else {
                Analyte analyte = row.resolve("analyte", analytes::find, "analyte");
                if (!analyte.canonicalUnit().equals(canonical)) {
                    throw row.error("canonical_unit '" + canonical + "' is not the canonical unit of " + analyteId
                            + " ('" + analyte.canonicalUnit() + "' in " + LabCatalog.ANALYTES
                            + "): a unit must convert to its analyte's canonical unit");
                }
            }
            if (unit.equals(canonical)) {
                throw row.error("unit '" + unit + "' is the canonical unit itself; the identity needs no row");
            }
            double factor = number(row, "factor", true);
            double offset = row.optional("offset") == null ? 0 : number(row, "offset", false);
            UnitConversion conversion = new UnitConversion(analyteId, unit, canonical, factor, offset, row.citation());
            Map<String, Rule> rules = (anyAnalyte ? shared : own)
                    .computeIfAbsent(anyAnalyte ? canonical : analyteId, key -> new LinkedHashMap<>());
            Rule first = rules.putIfAbsent(unit, new Rule(conversion, row.line()));
            if (first != null) {
                throw row.error(
                        "duplicate unit '" + unit + "' for " + analyteId + " (first at line " + first.line() + ")");
            }
        });
        Map<String, UnitTable> tables = new HashMap<>();
        for (Analyte analyte : analytes.byId.values()) {
            Map<String, Rule> rules = new LinkedHashMap<>();
            rules.put(analyte.canonicalUnit(), new Rule(identity(analyte, analytes), 0));
            rules.putAll(shared.getOrDefault(analyte.canonicalUnit(), Map.of()));
            rules.putAll(own.getOrDefault(analyte.id(), Map.of()));
            Map<String, Rule> folded = new HashMap<>();
            Map<String, UnitConversion> exact = new LinkedHashMap<>();
            for (Rule rule : rules.values()) {
                UnitConversion conversion = rule.conversion();
                Rule other = folded.putIfAbsent(UnitTable.foldKey(conversion.unit()), rule);
                if (other != null && !sameScale(other.conversion(), conversion)) {
                    Rule later = other.line() > rule.line() ? other : rule;
                    Rule earlier = later == rule ? other : rule;
                    throw new org.vigil.knowledge.KnowledgeLoadException(
                            LabCatalog.UNITS,
                            later.line(),
                            "unit '" + later.conversion().unit() + "' differs only in case or micro sign from '"
                                    + earlier.conversion().unit() + "' (" + where(earlier) + ") but converts "
                                    + analyte.id() + " differently; case-insensitive matching would be ambiguous");
                }
                exact.put(conversion.unit(), conversion);
            }
            tables.put(analyte.id(), new UnitTable(exact));
        }
        return tables;
    }

    private static String where(Rule rule) {
        return rule.line() == 0 ? "the canonical unit in " + LabCatalog.ANALYTES : "line " + rule.line();
    }

    private static boolean sameScale(UnitConversion a, UnitConversion b) {
        return a.factor() == b.factor() && a.offset() == b.offset();
    }

    private static UnitConversion identity(Analyte analyte, Analytes analytes) {
        return new UnitConversion(
                analyte.id(),
                analyte.canonicalUnit(),
                analyte.canonicalUnit(),
                1,
                0,
                new Citation(
                        "identity: " + analyte.canonicalUnit() + " is the canonical unit of " + analyte.id() + " ("
                                + LabCatalog.ANALYTES + " line " + analytes.lineOf.get(analyte.id()) + ")",
                        null));
    }

    /** A plain decimal or an exact ratio {@code a/b}; a factor must be positive. */
    private static double number(TsvRow row, String column, boolean factor) {
        String text = row.required(column);
        BigDecimal value;
        try {
            int slash = text.indexOf('/');
            if (slash < 0) {
                value = new BigDecimal(text);
            } else {
                BigDecimal numerator = new BigDecimal(text.substring(0, slash).strip());
                BigDecimal denominator =
                        new BigDecimal(text.substring(slash + 1).strip());
                if (denominator.signum() == 0) {
                    throw row.error("column '" + column + "' divides by zero: '" + text + "'");
                }
                value = numerator.divide(denominator, MathContext.DECIMAL64);
            }
        } catch (NumberFormatException e) {
            throw row.error("column '" + column + "' is not a number or a ratio a/b: '" + text + "'");
        }
        if (factor && value.signum() <= 0) {
            throw row.error("column '" + column + "' must be positive, not '" + text + "'");
        }
        return value.doubleValue();
    }

    private static Map<Population, Map<String, LabLimits>> limits(byte[] bytes, Analytes analytes) {
        Map<Population, Map<String, LabLimits>> limits = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<String> required = List.of(
                "analyte", "population", "reference_low", "reference_high", "critical_low", "critical_high", "source");
        TsvReader.read(LabCatalog.LIMITS, bytes, required, row -> {
            Analyte analyte = row.resolve("analyte", analytes::find, "analyte");
            Population population = row.enumValue("population", Population.class);
            Integer first = lineOf.putIfAbsent(analyte.id() + "|" + population, row.line());
            if (first != null) {
                throw row.error("duplicate limits for " + analyte.id() + ", " + name(population) + " (first at line "
                        + first + ")");
            }
            double referenceLow = optional(row, "reference_low");
            double referenceHigh = optional(row, "reference_high");
            double criticalLow = optional(row, "critical_low");
            double criticalHigh = optional(row, "critical_high");
            if (Double.isNaN(referenceLow)
                    && Double.isNaN(referenceHigh)
                    && Double.isNaN(criticalLow)
                    && Double.isNaN(criticalHigh)) {
                throw row.error(
                        "no limit given: fill at least one of reference_low, reference_high, critical_low, critical_high");
            }
            order(row, "reference_low", referenceLow, "reference_high", referenceHigh, false);
            order(row, "critical_low", criticalLow, "critical_high", criticalHigh, true);
            order(row, "critical_low", criticalLow, "reference_low", referenceLow, false);
            order(row, "critical_low", criticalLow, "reference_high", referenceHigh, true);
            order(row, "reference_high", referenceHigh, "critical_high", criticalHigh, false);
            order(row, "reference_low", referenceLow, "critical_high", criticalHigh, true);
            limits.computeIfAbsent(population, p -> new LinkedHashMap<>())
                    .put(
                            analyte.id(),
                            new LabLimits(
                                    analyte,
                                    population,
                                    referenceLow,
                                    referenceHigh,
                                    criticalLow,
                                    criticalHigh,
                                    row.citation()));
        });
        sexRowsComeInPairs(limits, lineOf);
        return limits;
    }

    /**
     * A sex-specific row needs its counterpart for the other sex, and repeats the adult row's critical
     * limits: only the reference interval may differ by sex, or RES-001 and RES-002 would disagree.
     */
    private static void sexRowsComeInPairs(
            Map<Population, Map<String, LabLimits>> limits, Map<String, Integer> lineOf) {
        Map<String, LabLimits> adult = limits.getOrDefault(Population.ADULT, Map.of());
        for (Population sex : List.of(Population.ADULT_FEMALE, Population.ADULT_MALE)) {
            Population other = sex == Population.ADULT_FEMALE ? Population.ADULT_MALE : Population.ADULT_FEMALE;
            for (LabLimits row : limits.getOrDefault(sex, Map.of()).values()) {
                String id = row.analyte().id();
                int line = lineOf.get(id + "|" + sex);
                if (!limits.getOrDefault(other, Map.of()).containsKey(id)) {
                    throw new org.vigil.knowledge.KnowledgeLoadException(
                            LabCatalog.LIMITS,
                            line,
                            "limits for " + id + ", " + name(sex) + " have no counterpart for " + name(other));
                }
                LabLimits general = adult.get(id);
                if (general != null
                        && (!row.criticalLow().equals(general.criticalLow())
                                || !row.criticalHigh().equals(general.criticalHigh()))) {
                    throw new org.vigil.knowledge.KnowledgeLoadException(
                            LabCatalog.LIMITS,
                            line,
                            "critical limits for " + id + ", " + name(sex) + " differ from the adult row (line "
                                    + lineOf.get(id + "|" + Population.ADULT) + ")");
                }
            }
        }
    }

    private static String name(Population population) {
        return population.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static double optional(TsvRow row, String column) {
        BigDecimal value = row.optionalDecimal(column);
        return value == null ? Double.NaN : value.doubleValue();
    }

    /** Fails unless {@code low <= high} (or {@code low < high} when strict); blanks are not compared. */
    private static void order(TsvRow row, String lowName, double low, String highName, double high, boolean strict) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return;
        }
        if (strict ? low >= high : low > high) {
            throw row.error(lowName + " " + plain(low) + " must be " + (strict ? "below " : "at most ") + highName + " "
                    + plain(high));
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
