package io.convene.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Ids listed in a statement a thousand at a time: a statement takes only so many parameters (PostgreSQL's driver: 65,535). */
public final class IdLists {

    public static final int PER_STATEMENT = 1000;

    private IdLists() {
    }

    /** The ids (duplicates once) in consecutive parts of at most {@value #PER_STATEMENT}. */
    public static <T> List<List<T>> parts(Collection<T> ids) {
        List<T> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PER_STATEMENT) {
            parts.add(all.subList(from, Math.min(all.size(), from + PER_STATEMENT)));
        }
        return parts;
    }
}
