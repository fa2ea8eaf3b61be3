package io.convene.meeting;

import java.util.UUID;

/** CDI events of a meeting's life, fired in the transaction that changed it (observers act after it commits). */
public final class MeetingLifecycle {

    private MeetingLifecycle() {
    }

    /** The first person came in: the meeting is live. */
    public record Started(UUID meetingId) {
    }

    /** Ended for everyone. */
    public record Ended(UUID meetingId) {
    }

    /** Its breakout rooms opened: each gets a media room of its own. */
    public record BreakoutsOpened(UUID meetingId, java.util.List<UUID> rooms) {
    }

    /** Its breakout rooms closed (everyone is back in the main room): their media rooms go. */
    public record BreakoutsClosed(UUID meetingId, java.util.List<UUID> rooms) {
    }

    /** The last one in it left: still live (anyone may come back), but nobody is there. */
    public record Emptied(UUID meetingId) {
    }
}
