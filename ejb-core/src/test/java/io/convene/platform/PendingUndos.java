package io.convene.platform;

import java.util.ArrayList;
import java.util.List;

/** The undos a unit test's "transaction" registered: it commits (they are dropped) or rolls back (they run). */
public final class PendingUndos implements Undo {

    private final List<Runnable> pending = new ArrayList<>();
    private final List<String> undone = new ArrayList<>();

    @Override
    public void ifRolledBack(String what, Runnable undo) {
        pending.add(() -> {
            undo.run();
            undone.add(what);
        });
    }

    public void commit() {
        pending.clear();
    }

    public void rollBack() {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    /** What was undone, in order. */
    public List<String> undone() {
        return undone;
    }
}
