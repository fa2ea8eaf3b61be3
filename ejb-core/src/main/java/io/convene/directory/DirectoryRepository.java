package io.convene.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the directory context keeps its directories, their sync runs and the entries a run could not
 * take ({@code persistence.JpaDirectoryRepository} in PostgreSQL). The people a directory provisions
 * are the user context's, written through its {@code UserRepository}.
 */
public interface DirectoryRepository {

    Optional<Directory> byId(UUID id);

    void add(Directory directory);

    void remove(Directory directory);

    /** Every directory, by name. */
    List<Directory> all();

    List<Directory> enabled();

    /** The directories of this name, in any case. */
    List<Directory> named(String name);

    /** Whether a run of this directory is queued or running. */
    boolean isSyncing(UUID directoryId);

    /**
     * Queues a run unless one of this directory is queued or running already (on any node: a
     * partial unique index decides); empty then.
     */
    Optional<DirectoryRun> queue(UUID directoryId, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger, Instant now);

    /** Takes a queued run for this thread; empty when it is not queued any more. */
    Optional<DirectoryRun> claim(UUID runId, Instant now);

    Optional<DirectoryRun> run(UUID runId);

    /** A directory's latest runs, newest first. */
    List<DirectoryRun> runsOf(UUID directoryId, int max);

    /** Runs queued before this instant and never started. */
    List<UUID> queuedBefore(Instant before);

    /** Marks as failed the runs that have shown no progress since {@code silentSince}; answers how many. */
    int failSilent(Instant silentSince, Instant now);

    /** The entries a run could not take, by entry. */
    List<DirectoryRunView.EntryError> errorsOf(UUID runId);

    /** Keeps these entries' errors, as many as fit under {@code max} for the run. */
    void addErrors(UUID runId, List<DirectoryRunView.EntryError> errors, int max);

    /** Future meetings hosted by people a directory deactivated (at most 500, soonest first). */
    List<DirectoryService.OrphanedMeeting> orphanedMeetings();
}
