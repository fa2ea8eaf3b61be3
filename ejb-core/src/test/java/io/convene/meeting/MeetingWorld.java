package io.convene.meeting;

import io.convene.platform.AppSecrets;
import io.convene.platform.PlatformFixtures;
import io.convene.shared.Caller;
import io.convene.shared.TestClock;
import io.convene.user.InMemoryUsers;
import io.convene.user.People;
import io.convene.user.User;
import io.convene.user.UserService;
import io.convene.user.UserServices;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * People and meetings in memory, with the meeting context's shared parts wired to them the way the
 * container wires them: for unit tests of the use cases of meeting and the contexts that act in a
 * meeting (breakout, chat, poll, whiteboard, recording ...).
 */
public final class MeetingWorld {

    public static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    public final TestClock clock = new TestClock(NOW);
    public final InMemoryUsers users = new InMemoryUsers();
    public final InMemoryMeetings meetings = new InMemoryMeetings();
    public final InMemoryMeetingEvents events = new InMemoryMeetingEvents();
    public final UserService userService = UserServices.of(users, clock);
    public final Attendees attendees = new Attendees();
    public final MeetingEventLog eventLog = new MeetingEventLog();
    /** The application's keys, kept in memory (a fresh set per world). */
    public final AppSecrets secrets = PlatformFixtures.appSecrets();
    /** Guest and channel tickets signed with {@link #secrets}; {@link #attendees} verifies guests' with them. */
    public final ParticipantTickets tickets = new ParticipantTickets();
    private final AtomicLong codes = new AtomicLong(1_000_000_000L);

    public MeetingWorld() {
        attendees.users = userService;
        attendees.meetings = meetings;
        attendees.tickets = tickets;
        tickets.secrets = secrets;
        tickets.clock = clock;
        eventLog.store = events;
        eventLog.clock = clock;
    }

    /** A person with an account (verified address {@code name@example.com}). */
    public User person(String name) {
        return People.person(users, clock, name);
    }

    /** The person as the identity provider vouches for them on a request. */
    public static Caller callerOf(User user, String... roles) {
        return People.callerOf(user, roles);
    }

    /** A meeting of the host's, from five minutes from now for an hour, kept in {@link #meetings}. */
    public Meeting meeting(User host) {
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        Meeting meeting = new Meeting(host, "Weekly", null, new TimeSlot(start, start.plus(Duration.ofHours(1))),
                ZoneId.of("Europe/Berlin"), Long.toString(codes.incrementAndGet()), clock.instant());
        meetings.add(meeting);
        users.participationOf(meeting.participationOf(host).orElseThrow().id(), host.id());
        return meeting;
    }

    /** The host opens the meeting and everyone given comes in (let in at once: the host is there). */
    public Meeting live(User host, User... others) {
        Meeting meeting = meeting(host);
        meeting.enter(host, clock.instant());
        for (User other : others) {
            Participation p = meeting.enter(other, clock.instant());
            users.participationOf(p.id(), other.id());
        }
        return meeting;
    }

    /** A live webinar of the host's with a panelist on stage and everyone else given in its audience. */
    public Meeting webinar(User host, User panelist, User... audience) {
        Meeting meeting = meeting(host);
        meeting.changeSettings(new MeetingSettings(true, true, false, false, true));
        meeting.enter(host, clock.instant());
        Participation onStage = meeting.enter(panelist, clock.instant());
        users.participationOf(onStage.id(), panelist.id());
        meeting.makePanelist(onStage);
        for (User other : audience) {
            users.participationOf(meeting.enter(other, clock.instant()).id(), other.id());
        }
        return meeting;
    }

    /** Host, ann, bob and cid, each with an account, and the host's meeting live with the three others in. */
    public Cast cast() {
        User host = person("host");
        User ann = person("ann");
        User bob = person("bob");
        User cid = person("cid");
        return new Cast(host, ann, bob, cid, live(host, ann, bob, cid));
    }

    /** Host, ann and bob, each with an account, and the host's meeting live with the two others in (no cid: null). */
    public Cast castOfThree() {
        User host = person("host");
        User ann = person("ann");
        User bob = person("bob");
        return new Cast(host, ann, bob, null, live(host, ann, bob));
    }

    public Participation of(Meeting meeting, User user) {
        return meeting.participationOf(user).orElseThrow();
    }

    /**
     * A guest who came in through the meeting's link, from the browser {@code "device-" + name}: the
     * meeting is made to take guests; let in at once when the host is there and there is no waiting room.
     */
    public Participation guest(Meeting meeting, String name) {
        meeting.changeAccess(null, true);
        return meeting.enterAsGuest(name, "device-" + name, null, meetings.removedGuests(meeting), meetings.hostIn(meeting),
                clock.instant());
    }

    /** The guest ticket a guest holds (it names their participation to {@link #attendees}). */
    public String guestTicketOf(Participation guest) {
        return tickets.issue(guest, ParticipantTickets.Kind.GUEST).value();
    }
}
