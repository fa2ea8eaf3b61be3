package io.convene.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per kind as a person reads them: the listed kinds first, in that order, then any other. */
final class KindsInOrder {

    private KindsInOrder() {
    }

    static Map<String, Integer> of(Map<String, Integer> counts, List<String> order) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        order.stream().filter(counts::containsKey).forEach(kind -> ordered.put(kind, counts.get(kind)));
        ordered.putAll(counts);
        return ordered;
    }
}
