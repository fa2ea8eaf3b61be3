package io.convene.breakout;

import io.convene.meeting.Attendees;
import io.convene.meeting.EventAudience;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEventLog;
import io.convene.meeting.MeetingLifecycle;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingService;
import io.convene.meeting.Participation;
import io.convene.meeting.ParticipationState;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Breakout rooms: the host or a co-host creates N rooms, assigns people by hand or automatically,
 * opens them (optionally with a timer), moves people, broadcasts to all rooms and closes them —
 * everyone then returns to the main room. Every step is announced on the channel.
 */
@Stateless
public class Breakouts {

    private static final Logger LOG = Logger.getLogger(Breakouts.class.getName());

    @Inject
    BreakoutRepository breakoutRooms;

    @Inject
    MeetingRepository meetings;

    @Inject
    Attendees attendees;

    @Inject
    MeetingEventLog events;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<MeetingLifecycle.BreakoutsClosed> closedRooms;

    @Inject
    jakarta.enterprise.event.Event<MeetingLifecycle.BreakoutsOpened> openedRooms;

    public BreakoutView create(Caller caller, String reference, int count) {
        Meeting meeting = locked(reference);
        runner(meeting, caller);
        if (meeting.breakoutsOpen()) {
            throw new ConflictException("Close the open breakout rooms first");
        }
        meeting.clearRooms();
        List<BreakoutRoom> rooms = new ArrayList<>();
        JsonArrayBuilder created = Jsons.createArrayBuilder();
        for (int i = 1; i <= count; i++) {
            BreakoutRoom room = new BreakoutRoom(meeting.id(), "Room " + i, i);
            rooms.add(room);
            created.add(Jsons.createObjectBuilder().add("id", room.id().toString()).add("name", room.name()));
        }
        breakoutRooms.replace(meeting.id(), rooms);
        events.record(meeting, "breakout.created", Jsons.createObjectBuilder().add("rooms", created), EventAudience.ALL, null);
        return view(meeting);
    }

    public BreakoutView assign(Caller caller, String reference, Assignment assignment) {
        Meeting meeting = locked(reference);
        runner(meeting, caller);
        List<BreakoutRoom> rooms = rooms(meeting.id());
        if (rooms.isEmpty()) {
            throw new ConflictException("Create the breakout rooms first");
        }
        if (assignment.mode() == Assignment.Mode.AUTO) {
            List<Participation> people = meeting.participations().stream()
                    .filter(p -> p.state() == ParticipationState.JOINED && !p.isHostOrCoHost())
                    .sorted(Comparator.comparing(Participation::joinedAt)).toList();
            for (int i = 0; i < people.size(); i++) {
                move(meeting, people.get(i), rooms.get(i % rooms.size()).id());
            }
        } else {
            if (assignment.rooms() == null || assignment.rooms().isEmpty()) {
                throw new InvalidInputException("rooms", "MANUAL needs participationId -> roomId pairs");
            }
            for (Map.Entry<UUID, UUID> e : assignment.rooms().entrySet()) {
                move(meeting, participant(meeting, e.getKey()), room(rooms, e.getValue()));
            }
        }
        return view(meeting);
    }

    public BreakoutView open(Caller caller, String reference, Integer seconds) {
        Meeting meeting = locked(reference);
        runner(meeting, caller);
        List<UUID> rooms = rooms(meeting.id()).stream().map(BreakoutRoom::id).toList();
        if (rooms.isEmpty()) {
            throw new ConflictException("Create the breakout rooms first");
        }
        Instant now = clock.instant();
        meeting.openBreakouts(now, seconds == null ? null : now.plus(Duration.ofSeconds(seconds)));
        var payload = Jsons.createObjectBuilder();
        if (meeting.breakoutsCloseAt() != null) {
            payload.add("closesAt", meeting.breakoutsCloseAt().toString());
        }
        events.record(meeting, "breakout.opened", payload, EventAudience.ALL, null);
        openedRooms.fire(new MeetingLifecycle.BreakoutsOpened(meeting.id(), rooms));
        return view(meeting);
    }

    /** Moves one participant to a room (null: the main room), before or while the rooms are open. */
    public BreakoutView move(Caller caller, String reference, UUID participationId, UUID roomId) {
        Meeting meeting = locked(reference);
        runner(meeting, caller);
        move(meeting, participant(meeting, participationId), roomId == null ? null : room(rooms(meeting.id()), roomId));
        return view(meeting);
    }

    public void broadcast(Caller caller, String reference, String text) {
        Meeting meeting = locked(reference);
        Participation me = runner(meeting, caller);
        events.record(meeting, "breakout.broadcast", Jsons.createObjectBuilder().add("from", me.displayName())
                .add("text", text), EventAudience.ALL, null);
    }

    /**
     * Closes the rooms: at once, or after a countdown of {@code seconds} that everyone sees
     * ({@code breakout.closing}) before the timer brings them back to the main room.
     */
    public BreakoutView close(Caller caller, String reference, Integer seconds) {
        Meeting meeting = locked(reference);
        runner(meeting, caller);
        if (seconds != null) {
            meeting.closeBreakoutsAt(clock.instant().plusSeconds(seconds));
            events.record(meeting, "breakout.closing", Jsons.createObjectBuilder()
                    .add("closesAt", meeting.breakoutsCloseAt().toString()), EventAudience.ALL, null);
            return view(meeting);
        }
        if (!meeting.closeBreakouts()) {
            throw new ConflictException("The breakout rooms are not open");
        }
        closed(meeting, Jsons.createObjectBuilder());
        return view(meeting);
    }

    /** Someone in a breakout room asks the hosts to come: the host and co-hosts are told which room. */
    public void askForHelp(Caller caller, String guestTicket, String reference) {
        Meeting meeting = locked(reference);
        Participation me = attendees.seeing(meeting, caller, guestTicket);
        if (!meeting.breakoutsOpen() || me.roomId() == null) {
            throw new ConflictException("Only someone in an open breakout room asks for help");
        }
        BreakoutRoom room = breakoutRooms.byId(me.roomId()).orElseThrow();
        events.record(meeting, "breakout.help", Jsons.createObjectBuilder().add("participationId", me.id().toString())
                .add("name", me.displayName()).add("room", room.id().toString()).add("roomName", room.name()),
                EventAudience.HOSTS, null);
    }

    public BreakoutView rooms(Caller caller, String guestTicket, String reference) {
        Meeting meeting = meetings.byReference(reference).orElseThrow(MeetingService::notFound);
        attendees.seeing(meeting, caller, guestTicket);
        return view(meeting);
    }

    /** Closes the rooms whose timer has run out (called every few seconds; any node may do it). */
    public int closeDue() {
        List<UUID> due = meetings.withBreakoutsClosingBy(clock.instant());
        int closed = 0;
        for (UUID id : due) {
            Meeting meeting = locked(id.toString());
            if (meeting.breakoutsCloseAt() != null && !meeting.breakoutsCloseAt().isAfter(clock.instant())
                    && meeting.closeBreakouts()) {
                closed(meeting, Jsons.createObjectBuilder().add("timer", true));
                closed++;
                LOG.info(() -> "Breakout rooms of meeting " + id + " closed by their timer");
            }
        }
        return closed;
    }

    /** Everyone is back in the main room: announced, and the rooms' media rooms go once this commits. */
    private void closed(Meeting meeting, jakarta.json.JsonObjectBuilder payload) {
        events.record(meeting, "breakout.closed", payload, EventAudience.ALL, null);
        closedRooms.fire(new MeetingLifecycle.BreakoutsClosed(meeting.id(),
                rooms(meeting.id()).stream().map(BreakoutRoom::id).toList()));
    }

    private void move(Meeting meeting, Participation p, UUID roomId) {
        meeting.assign(p, roomId);
        events.record(meeting, "breakout.assigned", Jsons.createObjectBuilder().add("participationId", p.id().toString())
                .add("room", roomId == null ? "" : roomId.toString()), EventAudience.ALL, null);
    }

    private Meeting locked(String reference) {
        return meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
    }

    private Participation runner(Meeting meeting, Caller caller) {
        Participation me = attendees.runningIt(meeting, caller, "Only the host and co-hosts run breakout rooms");
        return me;
    }

    private static Participation participant(Meeting meeting, UUID participationId) {
        return meeting.participation(participationId)
                .orElseThrow(() -> new NotFoundException("No such participant in this meeting"));
    }

    private static UUID room(List<BreakoutRoom> rooms, UUID roomId) {
        return rooms.stream().filter(r -> r.id().equals(roomId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such breakout room")).id();
    }

    private List<BreakoutRoom> rooms(UUID meetingId) {
        return breakoutRooms.ofMeeting(meetingId);
    }

    private BreakoutView view(Meeting meeting) {
        List<BreakoutView.Room> rooms = rooms(meeting.id()).stream().map(r -> new BreakoutView.Room(r.id(), r.name(),
                meeting.participations().stream().filter(p -> r.id().equals(p.roomId()))
                        .map(p -> new BreakoutView.Member(p.id(), p.displayName())).toList())).toList();
        return new BreakoutView(meeting.breakoutsOpen(), meeting.breakoutsCloseAt(), rooms);
    }
}
