package io.convene.platform;

/**
 * Work done outside the database inside a transaction (a media server told to record), undone when
 * that transaction does not commit: the database forgets, the outside must too.
 */
public interface Undo {

    /** Runs {@code undo} after the current transaction, if it rolled back; nothing if it commits. */
    void ifRolledBack(String what, Runnable undo);
}
