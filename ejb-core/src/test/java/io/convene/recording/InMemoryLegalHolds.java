package io.convene.recording;

import io.convene.privacy.LegalHolds;
import io.convene.privacy.PrivacyService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Legal holds kept in maps, for unit tests of the recording context: which recordings a hold keeps is
 * the privacy context's question (its SQL finds the meetings of the people on hold); here a test says it.
 */
final class InMemoryLegalHolds implements LegalHolds {

    private final Map<UUID, PrivacyService.LegalHold> holds = new LinkedHashMap<>();
    private final Map<UUID, List<String>> keptRecordings = new HashMap<>();

    /** A hold with this reason keeps the recording. */
    void keeps(UUID recordingId, String reason) {
        keptRecordings.computeIfAbsent(recordingId, r -> new ArrayList<>()).add(reason);
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
        return List.copyOf(holds.values());
    }

    @Override
    public List<String> onRecording(UUID recordingId) {
        return List.copyOf(keptRecordings.getOrDefault(recordingId, List.of()));
    }

    @Override
    public Set<UUID> keptAmong(Collection<UUID> recordingIds) {
        return recordingIds.stream().filter(keptRecordings::containsKey).collect(Collectors.toSet());
    }
}
