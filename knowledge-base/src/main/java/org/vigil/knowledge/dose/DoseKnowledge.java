package org.vigil.knowledge.dose;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vigil.knowledge.Citation;
import org.vigil.knowledge.DrugVocabulary;
import org.vigil.knowledge.Ingredient;
import org.vigil.knowledge.KnowledgeLoadException;
import org.vigil.knowledge.KnowledgeSource;
import org.vigil.knowledge.TsvReader;
import org.vigil.knowledge.TsvRow;

/**
 * Dose limits, route constraints and MME conversion factors, validated against the drug vocabulary.
 * Immutable; every lookup is a hash probe on indexes built at load.
 *
 * <p>Four tables, loaded after the drug vocabulary, in the order of {@link #FILES}:
 * {@code dose-limits.tsv}, {@code route-constraints.tsv}, {@code mme-factors.tsv} and
 * {@code mme-thresholds.tsv}.
 */
public final class DoseKnowledge {

    public static final String DOSE_LIMITS = "dose-limits.tsv";
    public static final String ROUTE_CONSTRAINTS = "route-constraints.tsv";
    public static final String MME_FACTORS = "mme-factors.tsv";
    public static final String MME_THRESHOLDS = "mme-thresholds.tsv";

    /** Table file names, in load order; hash them in this order. */
    public static final List<String> FILES = List.of(DOSE_LIMITS, ROUTE_CONSTRAINTS, MME_FACTORS, MME_THRESHOLDS);

    private static final String CLASS_PREFIX = "class:";
    private static final String DOSE_FORM_PREFIX = "dose-form:";

    private final DoseLimits doseLimits;
    private final RouteConstraints routeConstraints;
    private final MmeFactors mme;

    private DoseKnowledge(DoseLimits doseLimits, RouteConstraints routeConstraints, MmeFactors mme) {
        this.doseLimits = doseLimits;
        this.routeConstraints = routeConstraints;
        this.mme = mme;
    }

    /**
     * Reads {@link #FILES} from the source and validates every row against {@code drugs}.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static DoseKnowledge load(KnowledgeSource source, DrugVocabulary drugs) {
        return parse(source.readAll(FILES), drugs);
    }

    /**
     * Builds the indexes from tables already read (file name to bytes), e.g. a published version
     * being built aside.
     *
     * @throws KnowledgeLoadException naming the file and line of the first problem found
     */
    public static DoseKnowledge parse(Map<String, byte[]> tables, DrugVocabulary drugs) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(drugs, "drugs");
        for (String file : FILES) {
            if (tables.get(file) == null) {
                throw new KnowledgeLoadException(file, 0, "table missing");
            }
        }
        return new DoseKnowledge(
                doseLimits(tables.get(DOSE_LIMITS), drugs),
                routeConstraints(tables.get(ROUTE_CONSTRAINTS), drugs),
                mme(tables.get(MME_FACTORS), tables.get(MME_THRESHOLDS), drugs));
    }

    public DoseLimits doseLimits() {
        return doseLimits;
    }

    public RouteConstraints routeConstraints() {
        return routeConstraints;
    }

    public MmeFactors mme() {
        return mme;
    }

    // ---------------------------------------------------------------- dose-limits.tsv

    private static DoseLimits doseLimits(byte[] bytes, DrugVocabulary drugs) {
        List<DoseLimit> rows = new ArrayList<>();
        Map<Long, DoseLimit> direct = new HashMap<>();
        Map<Long, DoseLimit> viaClass = new HashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        List<String> required = List.of(
                "ingredient", "route", "population", "setting", "max_single_dose", "max_daily_dose", "unit", "source");
        TsvReader.read(DOSE_LIMITS, bytes, required, row -> {
            String subject = row.required("ingredient");
            Set<Integer> members = subject(row, "ingredient", subject, drugs);
            Route route = route(row, true);
            Population population = row.enumValue("population", Population.class);
            Setting setting = row.enumValue("setting", Setting.class);
            BigDecimal single = positive(row, "max_single_dose");
            BigDecimal daily = positive(row, "max_daily_dose");
            BigDecimal usual = positive(row, "usual_max_daily_dose");
            FrequencyRule frequency =
                    row.optional("frequency") == null ? null : row.enumValue("frequency", FrequencyRule.class);
            String unitCode = row.optional("unit");
            DoseUnit unit = null;
            if (unitCode != null) {
                unit = DoseUnit.of(unitCode)
                        .orElseThrow(() ->
                                row.error("column 'unit' must be one of mg|mcg|g|unit|mg/kg, not '" + unitCode + "'"));
            }
            if (single == null && daily == null && frequency == null) {
                throw row.error("a dose limit needs max_single_dose, max_daily_dose or a frequency rule");
            }
            if ((single != null || daily != null || usual != null) && unit == null) {
                throw row.error("column 'unit' is blank but the row gives a dose");
            }
            if (single == null && daily == null && usual == null && unit != null) {
                throw row.error("column 'unit' is given but the row has no dose");
            }
            if (unit == DoseUnit.MG_PER_KG && population != Population.PEDIATRIC) {
                throw row.error(
                        "unit mg/kg is for pediatric weight-based limits; population is '" + population.code() + "'");
            }
            if (single != null && daily != null && single.compareTo(daily) > 0) {
                throw row.error("max_single_dose " + single.toPlainString() + " is greater than max_daily_dose "
                        + daily.toPlainString());
            }
            if (usual != null && (daily == null || usual.compareTo(daily) > 0)) {
                throw row.error("usual_max_daily_dose needs a max_daily_dose at least as large");
            }
            BigDecimal minAge = nonNegative(row, "min_age_years");
            BigDecimal maxAge = nonNegative(row, "max_age_years");
            if (minAge != null && maxAge != null && minAge.compareTo(maxAge) >= 0) {
                throw row.error("min_age_years " + minAge.toPlainString() + " is not below max_age_years "
                        + maxAge.toPlainString());
            }
            DoseLimit limit = new DoseLimit(
                    subject,
                    route,
                    population,
                    setting,
                    single,
                    daily,
                    unit,
                    frequency,
                    usual,
                    minAge,
                    maxAge,
                    row.optional("note"),
                    row.citation(),
                    row.line());
            String key = subject + "|" + route + "|" + population + "|" + setting;
            Integer first = lineOfKey.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error("duplicate dose limit for " + subject + " " + route.code() + " " + population.code()
                        + " " + setting.code() + " (first at line " + first + ")");
            }
            boolean isClass = subject.startsWith(CLASS_PREFIX);
            for (int rxcui : members) {
                long k = DoseLimits.key(rxcui, route, population, setting);
                if (isClass) {
                    DoseLimit other = viaClass.putIfAbsent(k, limit);
                    if (other != null) {
                        throw row.error("ingredient " + rxcui + " already has a " + route.code() + " "
                                + population.code() + " limit through " + other.subject() + " at line "
                                + other.line() + "; give it its own row");
                    }
                } else {
                    direct.put(k, limit);
                }
            }
            rows.add(limit);
        });
        Map<Long, Optional<DoseLimit>> index = new HashMap<>();
        viaClass.forEach((key, row) -> index.put(key, Optional.of(row)));
        direct.forEach((key, row) -> index.put(key, Optional.of(row))); // an ingredient's own row wins
        return new DoseLimits(index, rows);
    }

    // ---------------------------------------------------------------- route-constraints.tsv

    private static RouteConstraints routeConstraints(byte[] bytes, DrugVocabulary drugs) {
        Map<Long, Optional<RouteProblem>> forbidden = new HashMap<>();
        Map<Integer, Optional<RouteProblem>> only = new HashMap<>();
        Map<String, EnumMap<Route, Optional<RouteProblem>>> formForbidden = new HashMap<>();
        Map<String, Optional<RouteProblem>> formOnly = new HashMap<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        List<RouteProblem> rules = new ArrayList<>();
        List<String> required = List.of("id", "subject", "rule", "route", "consequence", "source");
        TsvReader.read(ROUTE_CONSTRAINTS, bytes, required, row -> {
            String id = row.required("id");
            Integer first = lineOfId.putIfAbsent(id, row.line());
            if (first != null) {
                throw row.error("duplicate id '" + id + "' (first at line " + first + ")");
            }
            String subject = row.required("subject");
            RouteProblem.Rule rule = row.enumValue("rule", RouteProblem.Rule.class);
            Route route = route(row, false);
            String consequence = row.required("consequence");
            Citation citation = row.citation();
            if (subject.startsWith(DOSE_FORM_PREFIX)) {
                String form = subject.substring(DOSE_FORM_PREFIX.length()).strip();
                if (form.isEmpty() || !form.chars().anyMatch(Character::isLetter)) {
                    throw row.error("subject '" + subject + "' names no dose form");
                }
                RouteProblem problem =
                        new RouteProblem(id, subject, RouteProblem.Kind.DOSE_FORM, rule, route, consequence, citation);
                String key = RouteConstraints.formKey(form);
                if (rule == RouteProblem.Rule.FORBIDDEN) {
                    Optional<RouteProblem> previous = formForbidden
                            .computeIfAbsent(key, k -> new EnumMap<>(Route.class))
                            .putIfAbsent(route, Optional.of(problem));
                    if (previous != null) {
                        throw row.error("dose form '" + form + "' is already forbidden by " + route.code() + " in rule "
                                + previous.get().id());
                    }
                } else {
                    Optional<RouteProblem> previous = formOnly.putIfAbsent(key, Optional.of(problem));
                    if (previous != null) {
                        throw row.error("dose form '" + form + "' already has an 'only' rule: "
                                + previous.get().id());
                    }
                }
                rules.add(problem);
                return;
            }
            Set<Integer> members = subject(row, "subject", subject, drugs);
            RouteProblem problem =
                    new RouteProblem(id, subject, RouteProblem.Kind.INGREDIENT, rule, route, consequence, citation);
            for (int rxcui : members) {
                Optional<RouteProblem> previous = rule == RouteProblem.Rule.FORBIDDEN
                        ? forbidden.putIfAbsent(RouteConstraints.key(rxcui, route), Optional.of(problem))
                        : only.putIfAbsent(rxcui, Optional.of(problem));
                if (previous != null) {
                    throw row.error("ingredient " + rxcui + " already has this kind of rule"
                            + (rule == RouteProblem.Rule.FORBIDDEN ? " for route " + route.code() : "")
                            + ": " + previous.get().id());
                }
            }
            rules.add(problem);
        });
        only.forEach((rxcui, rule) -> {
            Optional<RouteProblem> contradiction =
                    forbidden.get(RouteConstraints.key(rxcui, rule.get().route()));
            if (contradiction != null) {
                RouteProblem bad = contradiction.get();
                throw new KnowledgeLoadException(
                        ROUTE_CONSTRAINTS,
                        lineOfId.get(bad.id()),
                        "rule " + bad.id() + " forbids the only route rule "
                                + rule.get().id() + " allows");
            }
        });
        return new RouteConstraints(forbidden, only, formForbidden, formOnly, rules);
    }

    // ---------------------------------------------------------------- mme-factors.tsv, mme-thresholds.tsv

    private static MmeFactors mme(byte[] factorBytes, byte[] thresholdBytes, DrugVocabulary drugs) {
        Map<Long, MmeFactor> byKey = new HashMap<>();
        Map<Long, Integer> lineOfKey = new HashMap<>();
        List<MmeFactor> rows = new ArrayList<>();
        List<String> required = List.of("ingredient", "ingredient_name", "route", "factor", "dose_unit", "source");
        TsvReader.read(MME_FACTORS, factorBytes, required, row -> {
            int rxcui = row.rxcui("ingredient");
            Ingredient ingredient = drugs.ingredient(rxcui)
                    .orElseThrow(() -> row.error("unknown ingredient rxcui " + rxcui + " (not in ingredients.tsv)"));
            String name = row.required("ingredient_name");
            if (!ingredient.name().equalsIgnoreCase(name)) {
                throw row.error("ingredient_name '" + name + "' does not match ingredient " + rxcui + " '"
                        + ingredient.name() + "'");
            }
            Route route = route(row, true);
            BigDecimal factor = positive(row, "factor");
            if (factor == null) {
                throw row.error("column 'factor' is blank");
            }
            String unitCode = row.required("dose_unit");
            MmeDoseUnit unit = MmeDoseUnit.of(unitCode)
                    .orElseThrow(
                            () -> row.error("column 'dose_unit' must be mg/day or mcg/hr, not '" + unitCode + "'"));
            if (unit == MmeDoseUnit.MCG_PER_HOUR && route != Route.TRANSDERMAL) {
                throw row.error("a factor per mcg/hr is for transdermal systems; route is '" + route.code() + "'");
            }
            long key = MmeFactors.key(rxcui, route);
            Integer first = lineOfKey.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error(
                        "duplicate factor for " + rxcui + " " + route.code() + " (first at line " + first + ")");
            }
            MmeFactor mmeFactor = new MmeFactor(rxcui, ingredient.name(), route, factor, unit, row.citation());
            byKey.put(key, mmeFactor);
            rows.add(mmeFactor);
        });
        Map<MmeThreshold.Level, MmeThreshold> thresholds = new EnumMap<>(MmeThreshold.Level.class);
        Map<MmeThreshold.Level, Integer> lineOfLevel = new EnumMap<>(MmeThreshold.Level.class);
        TsvReader.read(MME_THRESHOLDS, thresholdBytes, List.of("level", "mme_per_day", "meaning", "source"), row -> {
            MmeThreshold.Level level = row.enumValue("level", MmeThreshold.Level.class);
            BigDecimal value = positive(row, "mme_per_day");
            if (value == null) {
                throw row.error("column 'mme_per_day' is blank");
            }
            Integer first = lineOfLevel.putIfAbsent(level, row.line());
            if (first != null) {
                throw row.error("duplicate level '" + level.code() + "' (first at line " + first + ")");
            }
            thresholds.put(level, new MmeThreshold(level, value, row.required("meaning"), row.citation()));
        });
        for (MmeThreshold.Level level : MmeThreshold.Level.values()) {
            if (!thresholds.containsKey(level)) {
                throw new KnowledgeLoadException(MME_THRESHOLDS, 0, "no row for level '" + level.code() + "'");
            }
        }
        MmeThreshold caution = thresholds.get(MmeThreshold.Level.CAUTION);
        MmeThreshold high = thresholds.get(MmeThreshold.Level.HIGH);
        if (caution.mmePerDay().compareTo(high.mmePerDay()) >= 0) {
            throw new KnowledgeLoadException(
                    MME_THRESHOLDS,
                    lineOfLevel.get(MmeThreshold.Level.HIGH),
                    "high threshold " + high.mmePerDay().toPlainString() + " is not above caution threshold "
                            + caution.mmePerDay().toPlainString());
        }
        return new MmeFactors(byKey, rows, caution, high);
    }

    // ---------------------------------------------------------------- shared column helpers

    /** The ingredients a subject stands for: one RxCUI, or every member of {@code class:<id>}. */
    private static Set<Integer> subject(TsvRow row, String column, String value, DrugVocabulary drugs) {
        if (value.startsWith(CLASS_PREFIX)) {
            String classId = value.substring(CLASS_PREFIX.length());
            Set<Integer> members = drugs.membersOf(classId);
            if (members.isEmpty()) {
                throw row.error(
                        "column '" + column + "' refers to unknown class '" + classId + "' (not in drug-classes.tsv)");
            }
            return members;
        }
        int rxcui = row.parseRxcui(value, column);
        if (drugs.ingredient(rxcui).isEmpty()) {
            throw row.error("column '" + column + "' refers to unknown ingredient rxcui " + rxcui
                    + " (not in ingredients.tsv)");
        }
        return Set.of(rxcui);
    }

    private static Route route(TsvRow row, boolean anyAllowed) {
        String code = row.required("route");
        Route route = Route.of(code).orElse(null);
        if (route == null || (route == Route.ANY && !anyAllowed)) {
            StringBuilder allowed = new StringBuilder();
            for (Route r : Route.values()) {
                if (r != Route.ANY || anyAllowed) {
                    allowed.append(allowed.length() == 0 ? "" : "|").append(r.code());
                }
            }
            throw row.error("column 'route' must be one of " + allowed + ", not '" + code + "'");
        }
        return route;
    }

    private static BigDecimal positive(TsvRow row, String column) {
        BigDecimal value = row.optionalDecimal(column);
        if (value != null && value.signum() <= 0) {
            throw row.error("column '" + column + "' must be positive, not " + value.toPlainString());
        }
        return value;
    }

    private static BigDecimal nonNegative(TsvRow row, String column) {
        BigDecimal value = row.optionalDecimal(column);
        if (value != null && value.signum() < 0) {
            throw row.error("column '" + column + "' must not be negative, not " + value.toPlainString());
        }
        return value;
    }

    @Override
    public String toString() {
        return "DoseKnowledge[" + doseLimits.rows().size() + " dose limits, "
                + routeConstraints.rules().size() + " route rules, "
                + mme.rows().size() + " MME factors]";
    }
}
