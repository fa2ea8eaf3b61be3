package io.convene.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Appends to a meeting's event log in the caller's transaction, and tells the channel through
 * PostgreSQL NOTIFY, which is delivered only when that transaction commits: a rolled-back change
 * is never announced, and every node of a cluster hears a committed one.
 */
@ApplicationScoped
public class MeetingEventLog {

    /** The NOTIFY channel; its payload is the meeting id. */
    public static final String CHANNEL = "convene_meeting_events";

    @Inject
    MeetingEventStore store;

    @Inject
    Clock clock;

    /** Records an event; the meeting must be locked by the current transaction (its seq is next). */
    public void record(Meeting meeting, String type, JsonObjectBuilder payload, EventAudience audience,
                       Participation recipient) {
        record(meeting, type, payload, audience, recipient, null);
    }

    /** Records an event for two participants only ({@link EventAudience#PAIR}), or as above. */
    public void record(Meeting meeting, String type, JsonObjectBuilder payload, EventAudience audience,
                       Participation recipient, Participation alsoTo) {
        store.append(new MeetingEvent(meeting.id(), meeting.nextEventSeq(), type, payload.build().toString(),
                audience, recipient == null ? null : recipient.id(), alsoTo == null ? null : alsoTo.id(), null,
                clock.instant()));
    }

    /** Records an event for those in one breakout room and the hosts ({@link EventAudience#ROOM}). */
    public void recordForRoom(Meeting meeting, String type, JsonObjectBuilder payload, java.util.UUID room) {
        store.append(new MeetingEvent(meeting.id(), meeting.nextEventSeq(), type, payload.build().toString(),
                EventAudience.ROOM, null, null, room, clock.instant()));
    }

    void recordForAll(Meeting meeting, String type, Participation about) {
        record(meeting, type, describe(about), EventAudience.ALL, null);
    }

    public static JsonObjectBuilder describe(Participation p) {
        return describe(PresentParticipant.of(p));
    }

    public static JsonObjectBuilder describe(PresentParticipant p) {
        JsonObjectBuilder times = Jsons.createObjectBuilder();
        if (p.joinedAt() != null) {
            times.add("joinedAt", p.joinedAt().toString()); // the visit's exact bounds, as attendance counts them
        }
        if (p.leftAt() != null) {
            times.add("leftAt", p.leftAt().toString());
        }
        return Jsons.createObjectBuilder(times.build()).add("participationId", p.id().toString())
                .add("name", p.name()).add("role", p.role().name()).add("state", p.state().name())
                .add("guest", p.guest()).add("audio", p.audio()).add("video", p.video())
                .add("screen", p.screen()).add("hand", p.hand())
                .add("room", p.room() == null ? "" : p.room().toString()).add("panelist", p.panelist());
    }

    /** The meeting's events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<MeetingEvent> after(UUID meetingId, long afterSeq, int limit) {
        return store.after(meetingId, afterSeq, limit);
    }
}
