package io.convene.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Legal holds kept in a map, for unit tests (of privacy, and of recording, which asks what a hold
 * keeps): the same answers as {@code persistence.SqlLegalHolds}; who a recording concerns (its
 * meeting's people, who started it) is told with {@link #concerns}.
 */
public final class InMemoryLegalHolds implements LegalHolds {

    private final Map<UUID, PrivacyService.LegalHold> holds = new LinkedHashMap<>();
    private final Map<UUID, Set<UUID>> peopleOfRecording = new HashMap<>();

    /** The recording is of a meeting these people were in (or one of them started it). */
    public void concerns(UUID recordingId, UUID... people) {
        peopleOfRecording.computeIfAbsent(recordingId, k -> new HashSet<>()).addAll(List.of(people));
    }

    @Override
    public void place(UUID userId, String reason, UUID placedBy, Instant at) {
        holds.put(userId, new PrivacyService.LegalHold(userId, reason, placedBy, at));
    }

    @Override
    public boolean release(UUID userId) {
        return holds.remove(userId) != null;
    }

    @Override
    public Optional<PrivacyService.LegalHold> of(UUID userId) {
        return Optional.ofNullable(holds.get(userId));
    }

    @Override
    public List<PrivacyService.LegalHold> all() {
        return holds.values().stream().sorted(Comparator.comparing(PrivacyService.LegalHold::placedAt)).toList();
    }

    @Override
    public List<String> onRecording(UUID recordingId) {
        return all().stream().filter(h -> peopleOfRecording.getOrDefault(recordingId, Set.of()).contains(h.userId()))
                .map(PrivacyService.LegalHold::reason).toList();
    }

    @Override
    public Set<UUID> keptAmong(Collection<UUID> recordingIds) {
        Set<UUID> kept = new HashSet<>();
        recordingIds.stream().filter(r -> !onRecording(r).isEmpty()).forEach(kept::add);
        return kept;
    }
}
