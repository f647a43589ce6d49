package org.vigil.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The index most patient-context tables need: each row under every ingredient its drug reference
 * stands for (a class row under all its members), frozen for lookups on the hot path.
 */
public final class RowsByIngredient {

    private RowsByIngredient() {}

    /**
     * @param ingredientsOf the ingredient RxCUIs a row applies to
     * @param order how each ingredient's rows are ranked (e.g. strongest first); null keeps table order
     */
    public static <T> Map<Integer, List<T>> index(
            Collection<T> rows, Function<T, Set<Integer>> ingredientsOf, Comparator<? super T> order) {
        Map<Integer, List<T>> index = new HashMap<>();
        for (T row : rows) {
            for (int rxcui : ingredientsOf.apply(row)) {
                index.computeIfAbsent(rxcui, k -> new ArrayList<>()).add(row);
            }
        }
        Map<Integer, List<T>> frozen = new HashMap<>(index.size() * 2);
        index.forEach((rxcui, list) -> {
            if (order != null) {
                list.sort(order);
            }
            frozen.put(rxcui, List.copyOf(list));
        });
        return Map.copyOf(frozen);
    }
}
