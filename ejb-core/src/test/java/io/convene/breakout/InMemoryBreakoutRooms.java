package io.convene.breakout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The breakout context's repository kept in a list, for unit tests. */
final class InMemoryBreakoutRooms implements BreakoutRepository {

    private final List<BreakoutRoom> rooms = new ArrayList<>();
    private final List<UUID> meetingOf = new ArrayList<>();

    @Override
    public List<BreakoutRoom> ofMeeting(UUID meetingId) {
        List<BreakoutRoom> found = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            if (meetingOf.get(i).equals(meetingId)) {
                found.add(rooms.get(i));
            }
        }
        found.sort(Comparator.comparingInt(BreakoutRoom::position));
        return found;
    }

    @Override
    public Optional<BreakoutRoom> byId(UUID roomId) {
        return rooms.stream().filter(r -> r.id().equals(roomId)).findFirst();
    }

    @Override
    public void replace(UUID meetingId, List<BreakoutRoom> replacing) {
        for (int i = rooms.size() - 1; i >= 0; i--) {
            if (meetingOf.get(i).equals(meetingId)) {
                rooms.remove(i);
                meetingOf.remove(i);
            }
        }
        replacing.forEach(r -> {
            rooms.add(r);
            meetingOf.add(meetingId);
        });
    }
}
