package io.convene.personaldata;

import java.io.IOException;
import java.util.UUID;

/**
 * A context that keeps a person's data answers for it here, each for its own tables: what an
 * export holds, what an erasure reaches, what retention purges. The privacy context finds every
 * keeper (CDI) and asks them in {@link #order()}; it never reads or deletes another context's rows.
 */
public interface PersonalDataKeeper {

    /** Where this keeper's sections come in an export (lower first); erasure and retention ask in the same order. */
    int order();

    /** Writes the person's records (and files) to the export. */
    void export(UUID personId, ExportSink out) throws IOException;

    /**
     * Before anything is erased: the texts the person wrote that the meeting logs repeat (a message,
     * a question), so the log's copies go too.
     */
    default void collect(Erasure erasure) {
    }

    /** Erases the person's data from this context's tables, in the erasure's transaction; counts what it did. */
    default void erase(Erasure erasure) {
    }

    /** Counts (and when the run purges, deletes) what the policy's ages let go from this context's tables. */
    default void purge(RetentionRun run) {
    }
}
