package io.convene.directory;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The directory context's repository kept in maps, for unit tests: the same answers as
 * {@code persistence.JpaDirectoryRepository} (one queued or running run per directory, a run claimed
 * once, errors kept up to the maximum).
 */
final class InMemoryDirectories implements DirectoryRepository {

    private final Map<UUID, Directory> directories = new LinkedHashMap<>();
    private final Map<UUID, DirectoryRun> runs = new LinkedHashMap<>();
    private final Map<UUID, List<DirectoryRunView.EntryError>> errors = new HashMap<>();
    private final List<DirectoryService.OrphanedMeeting> orphaned = new ArrayList<>();

    /** What the database's join of deactivated hosts and their future meetings would find. */
    void orphaned(DirectoryService.OrphanedMeeting meeting) {
        orphaned.add(meeting);
    }

    @Override
    public Optional<Directory> byId(UUID id) {
        return Optional.ofNullable(directories.get(id));
    }

    @Override
    public void add(Directory directory) {
        directories.put(directory.id(), directory);
    }

    @Override
    public void remove(Directory directory) {
        directories.remove(directory.id());
    }

    @Override
    public List<Directory> all() {
        return directories.values().stream().sorted(Comparator.comparing(Directory::name)).toList();
    }

    @Override
    public List<Directory> enabled() {
        return directories.values().stream().filter(Directory::enabled).toList();
    }

    @Override
    public List<Directory> named(String name) {
        return directories.values().stream().filter(d -> d.name().equalsIgnoreCase(name)).toList();
    }

    @Override
    public boolean isSyncing(UUID directoryId) {
        return runs.values().stream().anyMatch(r -> r.directoryId().equals(directoryId)
                && (r.state() == DirectoryRun.State.QUEUED || r.state() == DirectoryRun.State.RUNNING));
    }

    @Override
    public Optional<DirectoryRun> queue(UUID directoryId, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger, Instant now) {
        if (isSyncing(directoryId)) {
            return Optional.empty(); // the partial unique index refuses a second one
        }
        DirectoryRun run = new DirectoryRun(directoryId, mode, trigger, now);
        runs.put(run.id(), run);
        return Optional.of(run);
    }

    @Override
    public Optional<DirectoryRun> claim(UUID runId, Instant now) {
        DirectoryRun run = runs.get(runId);
        if (run == null || run.state() != DirectoryRun.State.QUEUED) {
            return Optional.empty();
        }
        // what the update statement sets
        set(run, "state", DirectoryRun.State.RUNNING);
        set(run, "startedAt", now);
        set(run, "heartbeatAt", now);
        return Optional.of(run);
    }

    @Override
    public Optional<DirectoryRun> run(UUID runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<DirectoryRun> runsOf(UUID directoryId, int max) {
        return runs.values().stream().filter(r -> r.directoryId().equals(directoryId))
                .sorted(Comparator.comparing(DirectoryRun::queuedAt).reversed()).limit(max).toList();
    }

    @Override
    public List<UUID> queuedBefore(Instant before) {
        return runs.values().stream().filter(r -> r.state() == DirectoryRun.State.QUEUED && r.queuedAt().isBefore(before))
                .map(DirectoryRun::id).toList();
    }

    @Override
    public int failSilent(Instant silentSince, Instant now) {
        List<DirectoryRun> silent = runs.values().stream().filter(r -> r.state() == DirectoryRun.State.RUNNING
                && ((Instant) read(r, "heartbeatAt")).isBefore(silentSince)).toList();
        silent.forEach(r -> r.fail("Interrupted: no progress since " + silentSince + " (the node running it stopped?)", now));
        return silent.size();
    }

    @Override
    public List<DirectoryRunView.EntryError> errorsOf(UUID runId) {
        return errors.getOrDefault(runId, List.of()).stream()
                .sorted(Comparator.comparing(DirectoryRunView.EntryError::entry)).toList();
    }

    @Override
    public void addErrors(UUID runId, List<DirectoryRunView.EntryError> more, int max) {
        List<DirectoryRunView.EntryError> kept = errors.computeIfAbsent(runId, k -> new ArrayList<>());
        more.stream().limit(Math.max(0, max - kept.size())).forEach(kept::add);
    }

    @Override
    public List<DirectoryService.OrphanedMeeting> orphanedMeetings() {
        return List.copyOf(orphaned);
    }

    // A fake repository sets and reads the run's columns that only its SQL touches (no accessors), as JPA does.
    private static Field column(String name) {
        try {
            Field f = DirectoryRun.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DirectoryRun." + name + " is gone: update the fake", e);
        }
    }

    private static void set(DirectoryRun run, String name, Object value) {
        try {
            column(name).set(run, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(DirectoryRun run, String name) {
        try {
            return column(name).get(run);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
