package io.convene.meeting;

import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import java.time.Clock;
import java.util.List;

/** Raised hands (a queue the hosts see in order) and emoji reactions to the meeting. */
@Stateless
public class Engagement {

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    /** One raised hand in the queue. */
    public record RaisedHand(java.util.UUID participationId, String name, java.time.Instant raisedAt) {
    }

    /** @param caller the signed-in participant, or null for a guest with {@code guestTicket} */
    public List<RaisedHand> hand(Caller caller, String guestTicket, String reference, boolean raised) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation p = attendees.of(meeting, caller, guestTicket);
        meeting.hand(p, raised, clock.instant());
        events.recordForAll(meeting, "participant.hand", p);
        return queue(meeting);
    }

    /** The queue of raised hands, for the host and co-hosts. */
    public List<RaisedHand> hands(Caller caller, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        attendees.runningIt(meeting, caller, "Only the host and co-hosts see the queue of hands");
        return queue(meeting);
    }

    /** A passing emoji reaction to the meeting (applause, a laugh): announced, counted in the event log. */
    public void react(Caller caller, String guestTicket, String reference, String emoji) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        Participation p = attendees.of(meeting, caller, guestTicket);
        meeting.requireInMeeting(p);
        p.counted(ParticipantActivity.Kind.REACTION);
        events.record(meeting, "meeting.reaction", Jsons.createObjectBuilder()
                .add("participationId", p.id().toString()).add("name", p.displayName()).add("emoji", emoji),
                EventAudience.ALL, null);
    }

    private static List<RaisedHand> queue(Meeting meeting) {
        return meeting.raisedHands().stream()
                .map(h -> new RaisedHand(h.id(), h.displayName(), h.handRaisedAt())).toList();
    }
}
