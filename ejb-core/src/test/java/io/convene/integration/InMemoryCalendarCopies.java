package io.convene.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Which calendar event is the copy of which meeting or series, kept in a map for unit tests ({@code persistence.SqlCalendarCopyStore}). */
final class InMemoryCalendarCopies implements CalendarCopyStore {

    private record Key(Of of, UUID key, UUID connectionId) {
    }

    private final Map<Key, String> copies = new LinkedHashMap<>();

    int size() {
        return copies.size();
    }

    @Override
    public Optional<String> externalId(Of of, UUID key, UUID connectionId) {
        return Optional.ofNullable(copies.get(new Key(of, key, connectionId)));
    }

    @Override
    public Optional<UUID> keyOf(Of of, UUID connectionId, String externalId) {
        return copies.entrySet().stream().filter(e -> e.getKey().of() == of && e.getKey().connectionId().equals(connectionId)
                && e.getValue().equals(externalId)).map(e -> e.getKey().key()).findFirst();
    }

    @Override
    public void put(Of of, UUID key, UUID connectionId, String externalId) {
        copies.put(new Key(of, key, connectionId), externalId);
    }

    @Override
    public void delete(Of of, UUID key, UUID connectionId) {
        copies.remove(new Key(of, key, connectionId));
    }

    @Override
    public void forget(Of of, UUID connectionId, String externalId) {
        copies.entrySet().removeIf(e -> e.getKey().of() == of && e.getKey().connectionId().equals(connectionId)
                && e.getValue().equals(externalId));
    }

    @Override
    public void adopted(Of of, UUID meetingId, UUID connectionId, String externalId) {
        if (copies.putIfAbsent(new Key(of, meetingId, connectionId), externalId) != null) {
            throw new IllegalStateException("a copy is recorded for " + meetingId + " already");
        }
    }
}
