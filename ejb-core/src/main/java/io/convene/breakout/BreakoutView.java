package io.convene.breakout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The breakout rooms and who is (or will be) in each; {@code closesAt} when a timer runs. */
public record BreakoutView(boolean open, Instant closesAt, List<Room> rooms) {

    public record Room(UUID id, String name, List<Member> members) {
    }

    public record Member(UUID participationId, String name) {
    }
}
