package io.convene.meeting;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the meeting channel reads: who may listen, and the events each listener may see. Every
 * change it carries was made (and numbered) by another service; this one only reads.
 */
@Stateless
public class MeetingChannel {

    public static final int MAX_BATCH = 500;

    @Inject
    MeetingRepository meetings;

    @Inject
    MeetingEventLog events;

    @Inject
    UserService users;

    @Inject
    ParticipantTickets tickets;

    /**
     * Someone allowed to listen to a meeting's channel, and the greeting that tells them where it
     * stands; {@code admitted} is false for someone in the waiting room (or turned away), who hears
     * only about themselves until they are let in.
     */
    public record Listener(UUID meetingId, UUID participationId, long seq, boolean admitted, JsonObject hello) {
    }

    /**
     * How far one listener is let into a meeting's events. A socket's access follows the events about
     * its participant as they are delivered (let in, sent back to the waiting room, removed), so what
     * it is sent matches what they were allowed at each event; a request's access is fixed by where
     * the caller stands now.
     */
    public static final class Access {
        private final UUID participationId;
        private final boolean follows;
        private boolean admitted;
        private boolean removed;

        private Access(UUID participationId, boolean admitted, boolean follows) {
            this.participationId = participationId;
            this.admitted = admitted;
            this.follows = follows;
        }

        /** For a socket, starting from its greeting. */
        public static Access following(Listener listener) {
            return new Access(listener.participationId(), listener.admitted(), true);
        }

        /** For one request, as the caller stands now. */
        static Access fixed(Participation p) {
            return new Access(p.id(), p.maySeeMeeting() || p.isHostOrCoHost(), false);
        }

        public UUID participationId() {
            return participationId;
        }

        /** The same access as it stands now, to judge events with without moving this one on. */
        public Access copy() {
            Access copy = new Access(participationId, admitted, follows);
            copy.removed = removed;
            return copy;
        }

        /** Their removal has been delivered: nothing more is for them. */
        public boolean removed() {
            return removed;
        }

        /** Whether they see the event, after taking in what it says about them. */
        boolean sees(MeetingEvent e, boolean runsIt, UUID room) {
            if (removed) {
                return false;
            }
            boolean aboutThem = participationId.equals(e.about());
            if (aboutThem && follows) {
                switch (e.type()) {
                    case "participant.admitted", "participant.joined" -> admitted = true;
                    case "participant.waiting", "participant.denied" -> admitted = false;
                    case "participant.removed" -> removed = true;
                    default -> { }
                }
            }
            if (!e.isVisibleTo(participationId, runsIt, room)) {
                return false;
            }
            return admitted || runsIt || aboutThem || e.isAddressedTo(participationId)
                    || e.type().equals("meeting.ended");
        }
    }

    /** Opening the channel with a ticket from the join (or a guest ticket). */
    public Listener connectWithTicket(String reference, String ticket) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        UUID participationId = tickets.verify(ticket, meeting.id(), ParticipantTickets.Kind.CHANNEL,
                ParticipantTickets.Kind.GUEST);
        Participation p = meetings.participation(meeting, participationId)
                .orElseThrow(() -> new AuthenticationFailedException("Invalid ticket"));
        if (p.user() != null && p.user().status() == io.convene.user.UserStatus.DISABLED) {
            throw new io.convene.shared.AccountDeactivatedException();
        }
        return listen(meeting, p, meetings.isRecording(meeting.id()));
    }

    /** Opening the channel with a bearer token (clients that can send headers). */
    public Listener connectAsUser(Caller caller, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        Participation p = meetings.participationOf(meeting, users.current(caller)).orElseThrow(MeetingService::notFound);
        return listen(meeting, p, meetings.isRecording(meeting.id()));
    }

    private Listener listen(Meeting meeting, Participation p, boolean recording) {
        if (p.state() == ParticipationState.REMOVED) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        if (!p.state().isPresent()) {
            throw new ConflictException("Join the meeting before opening its channel");
        }
        boolean admitted = p.state() == ParticipationState.JOINED;
        JsonArrayBuilder present = Jsons.createArrayBuilder();
        if (admitted) { // the waiting room sees nobody
            meetings.present(meeting, p.isHostOrCoHost()).forEach(q -> present.add(MeetingEventLog.describe(q)));
        }
        JsonObject hello = Jsons.createObjectBuilder()
                .add("type", "hello").add("seq", meeting.lastEventSeq())
                .add("you", MeetingEventLog.describe(p))
                .add("meeting", Jsons.createObjectBuilder().add("id", meeting.id().toString())
                        .add("title", meeting.title()).add("status", meeting.status().name())
                        .add("locked", admitted && meeting.isLocked()).add("recording", recording)
                        .add("unmuteAllowed", meeting.unmuteAllowed()).add("privateChatAllowed", meeting.privateChatAllowed())
                        .add("webinar", meeting.settings().webinar()))
                .add("participants", present).build();
        return new Listener(meeting.id(), p.id(), meeting.lastEventSeq(), admitted, hello);
    }

    /** A signed-in caller's events after {@code afterSeq}; they must be in (or run) the meeting. */
    public List<ChannelEvent> eventsFor(Caller caller, String reference, long afterSeq) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        User user = users.current(caller);
        Participation me = meeting.participationOf(user).filter(p -> p.state() != ParticipationState.INVITED)
                .orElseThrow(MeetingService::notFound);
        if (me.state() == ParticipationState.REMOVED) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        return batch(meeting.id(), afterSeq).visibleTo(Access.fixed(me), afterSeq).stream()
                .map(ChannelEvent::of).toList();
    }

    /**
     * The events after {@code afterSeq} of a meeting, and who runs it now: one read for all the
     * listeners of a meeting, each filtered with {@link Batch#visibleTo}.
     */
    public Batch batch(UUID meetingId, long afterSeq) {
        List<MeetingEvent> news = events.after(meetingId, afterSeq, MAX_BATCH);
        if (news.isEmpty()) {
            return new Batch(news, Set.of(), Set.of(), Map.of(), null);
        }
        // read only what deciding needs: with a thousand participants, loading them all per event costs
        MeetingRepository.Standing standing = meetings.standing(meetingId);
        return new Batch(news, standing.runners(), standing.removed(), standing.rooms(), standing.status());
    }


    /** Events of one meeting with what is needed to decide, per listener, who sees which. */
    public record Batch(List<MeetingEvent> events, Set<UUID> runners, Set<UUID> removed, Map<UUID, UUID> rooms,
                        MeetingStatus status) {

        /** The events after {@code afterSeq} that the listener sees, in order; their access follows along. */
        public List<MeetingEvent> visibleTo(Access access, long afterSeq) {
            UUID participationId = access.participationId();
            boolean runsIt = runners.contains(participationId);
            UUID room = rooms.get(participationId);
            return events.stream().filter(e -> e.seq() > afterSeq && access.sees(e, runsIt, room)).toList();
        }

        public long lastSeq(long fallback) {
            return events.isEmpty() ? fallback : events.get(events.size() - 1).seq();
        }
    }
}
