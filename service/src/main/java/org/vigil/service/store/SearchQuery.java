package org.vigil.service.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A search of one resource type, checked against what the store indexes: every parameter it does
 * not know (or a modifier it does not support) is refused with 400 rather than ignored, so a
 * client never mistakes an unfiltered answer for a filtered one.
 *
 * @param where the SQL condition on {@code fhir_resource r}, with {@code $n} placeholders
 * @param binds the values of the placeholders, in order
 */
public record SearchQuery(IndexedType type, String where, List<Object> binds, String orderBy, int count, int offset) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 1000;

    /** Paging and result parameters, not filters. */
    private static final List<String> RESULT_PARAMS = List.of("_count", "_offset", "_sort", "_format");

    public static SearchQuery parse(IndexedType type, Map<String, List<String>> params) {
        Builder builder = new Builder(type);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            for (String value : param.getValue()) {
                builder.add(param.getKey(), value == null ? "" : value);
            }
        }
        return builder.build();
    }

    private static final class Builder {
        private final IndexedType type;
        private final StringBuilder where = new StringBuilder("r.resource_type = $1 AND NOT r.deleted");
        private final List<Object> binds = new ArrayList<>();
        private String orderBy = "r.last_updated DESC, r.id";
        private int count = DEFAULT_COUNT;
        private int offset;

        Builder(IndexedType type) {
            this.type = type;
            binds.add(type.name());
        }

        private String bind(Object value) {
            binds.add(value);
            return "$" + binds.size();
        }

        void add(String name, String value) {
            String param = name;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                param = name.substring(0, colon);
                if (!RESULT_PARAMS.contains(param) && knows(param)) {
                    throw FhirProblem.invalid("The modifier :" + ResourceTypes.clip(name.substring(colon + 1))
                            + " of search parameter " + param + " is not supported");
                }
                throw unknown(name);
            }
            if (value.isEmpty()) {
                throw FhirProblem.invalid("Search parameter " + ResourceTypes.clip(name) + " has no value");
            }
            switch (param) {
                case "_count":
                    count = Math.min(MAX_COUNT, number(param, value));
                    return;
                case "_offset":
                    offset = number(param, value);
                    return;
                case "_format":
                    if (!value.toLowerCase(Locale.ROOT).contains("json")) {
                        throw new FhirProblem(406, "not-supported", "This server answers in JSON only");
                    }
                    return;
                case "_sort":
                    sort(value);
                    return;
                case "_id":
                    where.append(" AND r.id = ANY(")
                            .append(bind(value.split(",")))
                            .append(")");
                    return;
                default:
                    break;
            }
            if (isPatientParam(param)) {
                patient(value);
            } else if (type.tokenParams().contains(param)) {
                token(param, value);
            } else if (type.dateParams().contains(param)) {
                date(param, value);
            } else {
                throw unknown(name);
            }
        }

        private boolean knows(String param) {
            return param.equals("_id")
                    || isPatientParam(param)
                    || type.tokenParams().contains(param)
                    || type.dateParams().contains(param);
        }

        private boolean isPatientParam(String param) {
            return type.patientParam()
                    .map(own -> param.equals(own) || (own.equals("subject") && param.equals("patient")))
                    .orElse(false);
        }

        private FhirProblem unknown(String name) {
            return FhirProblem.invalid("Unknown or unsupported search parameter " + ResourceTypes.clip(name) + " for "
                    + type.name() + " (see GET /fhir/metadata)");
        }

        private static int number(String param, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw FhirProblem.invalid(param + " must be a whole number of at least 0");
            }
        }

        private void sort(String value) {
            boolean descending = value.startsWith("-");
            String param = descending ? value.substring(1) : value;
            String direction = descending ? " DESC" : " ASC";
            if (param.equals("_lastUpdated")) {
                orderBy = "r.last_updated" + direction + ", r.id";
            } else if (param.equals(type.sortParam())) {
                orderBy = "r.sort_date" + direction + " NULLS LAST, r.id";
            } else {
                throw FhirProblem.invalid("Cannot sort " + type.name() + " by " + ResourceTypes.clip(value)
                        + (type.sortParam() == null ? "" : " (sortable by " + type.sortParam() + ")")
                        + " or _lastUpdated");
            }
        }

        private void patient(String value) {
            List<String> ids = new ArrayList<>();
            for (String reference : value.split(",")) {
                if (reference.startsWith("Patient/")) {
                    ids.add(reference.substring("Patient/".length()));
                } else if (!reference.contains("/")) {
                    ids.add(reference);
                }
                // a reference to another type (Group/1) matches nothing: only Patient subjects are indexed
            }
            where.append(" AND r.patient_id = ANY(")
                    .append(bind(ids.toArray(new String[0])))
                    .append(")");
        }

        private void token(String param, String value) {
            List<String> alternatives = new ArrayList<>();
            for (String token : value.split(",")) {
                int bar = token.indexOf('|');
                if (bar < 0) {
                    alternatives.add("t.code = " + bind(token));
                } else {
                    String system = token.substring(0, bar);
                    String code = token.substring(bar + 1);
                    if (code.isEmpty()) {
                        alternatives.add("t.system = " + bind(system));
                    } else {
                        alternatives.add("(t.system = " + bind(system) + " AND t.code = " + bind(code) + ")");
                    }
                }
            }
            where.append(" AND EXISTS (SELECT 1 FROM fhir_search_token t WHERE t.resource_type = r.resource_type"
                            + " AND t.resource_id = r.id AND t.param = ")
                    .append(bind(param))
                    .append(" AND (")
                    .append(String.join(" OR ", alternatives))
                    .append("))");
        }

        private void date(String param, String value) {
            List<String> alternatives = new ArrayList<>();
            for (String one : value.split(",")) {
                String prefix = one.length() > 2 && Character.isLetter(one.charAt(0)) ? one.substring(0, 2) : "eq";
                String date = one.length() > 2 && Character.isLetter(one.charAt(0)) ? one.substring(2) : one;
                DateRange range;
                try {
                    range = DateRange.parse(date);
                } catch (IllegalArgumentException e) {
                    throw FhirProblem.invalid("Search parameter " + param + " needs a FHIR date (e.g. ge2024-01-31)");
                }
                // every placeholder bound must appear in the SQL (the driver insists), so bind as used
                switch (prefix) {
                    case "eq":
                        alternatives.add(
                                "(d.low >= " + instant(range.low()) + " AND d.high <= " + instant(range.high()) + ")");
                        break;
                    case "lt":
                        alternatives.add("d.low < " + instant(range.low()));
                        break;
                    case "le":
                        alternatives.add("d.low < " + instant(range.high()));
                        break;
                    case "gt":
                        alternatives.add("d.high > " + instant(range.high()));
                        break;
                    case "ge":
                        alternatives.add("d.high > " + instant(range.low()));
                        break;
                    default:
                        throw FhirProblem.invalid("Date prefix " + ResourceTypes.clip(prefix)
                                + " is not supported (eq, lt, le, gt, ge are)");
                }
            }
            where.append(" AND EXISTS (SELECT 1 FROM fhir_search_date d WHERE d.resource_type = r.resource_type"
                            + " AND d.resource_id = r.id AND d.param = ")
                    .append(bind(param))
                    .append(" AND (")
                    .append(String.join(" OR ", alternatives))
                    .append("))");
        }

        private String instant(java.time.Instant instant) {
            return bind(instant.toString()) + "::timestamptz";
        }

        SearchQuery build() {
            return new SearchQuery(type, where.toString(), List.copyOf(binds), orderBy, count, offset);
        }
    }
}
