package org.vigil.knowledge.dose;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Routes of administration the dose and route tables speak of. {@link #ANY} exists only in
 * {@code dose-limits.tsv}, where it stands for every route without a row of its own.
 */
public enum Route {
    ORAL,
    INTRAVENOUS,
    INTRAMUSCULAR,
    SUBCUTANEOUS,
    TRANSDERMAL,
    INTRATHECAL,
    SUBLINGUAL,
    RECTAL,
    NASAL,
    INHALATION,
    TOPICAL,
    OPHTHALMIC,
    OTIC,
    VAGINAL,
    INTRA_ARTICULAR,
    INTRAPERITONEAL,
    ANY;

    private static final Map<String, Route> BY_CODE = byCode();

    private static Map<String, Route> byCode() {
        Map<String, Route> codes = new java.util.HashMap<>();
        for (Route route : values()) {
            codes.put(route.code(), route);
        }
        return Map.copyOf(codes);
    }

    /** The table spelling, e.g. {@code intravenous}, {@code intra-articular}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The route a table code or a caller's route names, ignoring case and surrounding blanks; empty
     * for null or an unknown route. Allocation-free for codes already in lower case.
     */
    public static Optional<Route> of(String code) {
        Route route = lookup(code);
        return route == null ? Optional.empty() : Optional.of(route);
    }

    /** As {@link #of} but null for an unknown route, for the hot path. */
    static Route lookup(String code) {
        if (code == null) {
            return null;
        }
        Route route = BY_CODE.get(code);
        return route != null ? route : BY_CODE.get(code.strip().toLowerCase(Locale.ROOT));
    }
}
