package io.convene.meeting;

import io.convene.integration.Announcement;
import io.convene.integration.Announcements;
import io.convene.notification.NoticeKind;
import io.convene.notification.Notices;
import io.convene.platform.Sealing;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.Page;
import io.convene.shared.TimeZones;
import io.convene.user.User;
import io.convene.user.UserRepository;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** Scheduling, changing, listing, joining and leaving meetings: one public method per use case. */
@Stateless
public class MeetingService {

    private static final Logger LOG = Logger.getLogger(MeetingService.class.getName());
    private static final int SUGGESTIONS = 3;

    @Inject
    MeetingRepository meetings;

    @Inject
    UserRepository userRepository;

    @Inject
    UserService users;

    @Inject
    ParticipantTickets tickets;

    @Inject
    Clock clock;

    @Inject
    JoinLinks links;

    @Inject
    Attendees attendees;

    @Inject
    PasscodeAttempts passcodeAttempts;

    @Inject
    MeetingEventLog events;

    @Inject
    jakarta.enterprise.event.Event<MeetingLifecycle.Started> started;

    @Inject
    jakarta.enterprise.event.Event<MeetingLifecycle.Emptied> emptied;

    @Inject
    Notices notices;

    @Inject
    Sealing sealing;

    @Inject
    Announcements announcements;

    public MeetingDetails schedule(Caller caller, MeetingDraft draft) {
        User host = users.current(caller);
        if (!caller.mayHost()) {
            throw new AccessDeniedException("Only hosts and administrators schedule meetings");
        }
        Instant now = clock.instant();
        ZoneId zone = TimeZones.parse("timeZone", draft.timeZone());
        TimeSlot slot = MeetingTimes.parse(draft.start(), draft.end(), zone, now);
        requireFree(host, slot, null);

        Meeting meeting = new Meeting(host, draft.title().trim(), draft.agenda(), slot, zone, unusedCode(), now);
        if (draft.passcode() != null) {
            meeting.protectWith(Passcode.hash(draft.passcode()), sealing.seal(draft.passcode()));
        }
        meeting.changeAccess(Boolean.TRUE.equals(draft.waitingRoom()), Boolean.TRUE.equals(draft.allowGuests()));
        if (draft.reminderMinutes() != null) {
            meeting.remindBefore(draft.reminderMinutes());
        }
        if (draft.settings() != null) {
            meeting.changeSettings(draft.settings().applyTo(meeting.settings()));
        }
        List<Participation> invited = invite(meeting, draft.invitees(), now);
        meetings.add(meeting);
        notices.publish(NoticeKind.INVITED, meeting, invited);
        announcements.publish(Announcement.Event.SCHEDULED, meeting);
        LOG.info(() -> "Scheduled meeting " + meeting.id() + " (code " + meeting.code() + ") for host " + host.id());
        return details(meeting);
    }

    public MeetingDetails edit(Caller caller, String reference, MeetingChanges changes) {
        Meeting meeting = resolveLocked(reference);
        User user = requireHostOrAdmin(caller, meeting);
        Instant now = clock.instant();
        if (changes.start() != null || changes.end() != null || changes.timeZone() != null) {
            ZoneId zone = changes.timeZone() == null ? meeting.timeZone()
                    : TimeZones.parse("timeZone", changes.timeZone());
            TimeSlot slot = changes.start() == null && changes.end() == null ? meeting.slot()
                    : MeetingTimes.parse(changes.start(), changes.end(), zone, now);
            requireFree(meeting.host(), slot, meeting.id());
            meeting.reschedule(slot, zone);
        }
        meeting.describe(changes.title() == null ? null : changes.title().trim(), changes.agenda());
        if (changes.passcode() != null && Boolean.TRUE.equals(changes.removePasscode())) {
            throw new InvalidInputException("removePasscode", "cannot set and remove the passcode at once");
        }
        if (changes.passcode() != null) {
            meeting.protectWith(Passcode.hash(changes.passcode()), sealing.seal(changes.passcode()));
        } else if (Boolean.TRUE.equals(changes.removePasscode())) {
            meeting.protectWith(null);
        }
        meeting.changeAccess(changes.waitingRoom(), changes.allowGuests());
        if (changes.reminderMinutes() != null) {
            meeting.remindBefore(changes.reminderMinutes());
        }
        if (changes.settings() != null) {
            meeting.changeSettings(changes.settings().applyTo(meeting.settings()));
        }
        List<Participation> earlier = meeting.invitees();
        List<Participation> invited = invite(meeting, changes.invitees(), now);
        meeting.revise();
        notices.publish(NoticeKind.CHANGED, meeting, earlier);
        announcements.publish(Announcement.Event.CHANGED, meeting);
        notices.publish(NoticeKind.INVITED, meeting, invited);
        LOG.info(() -> "Meeting " + meeting.id() + " edited by user " + user.id());
        return details(meeting);
    }

    /**
     * The host moved the meeting's copy in their own calendar: the meeting follows (everyone is told,
     * as for an edit) unless the new time collides with another of the host's meetings (then a
     * {@link SchedulingConflictException}, and nothing changed). In a transaction of its own, so a
     * refused move does not undo the rest of a calendar sync.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void moveFromCalendar(UUID meetingId, TimeSlot slot) {
        Meeting meeting = resolveLocked(meetingId.toString());
        if (meeting.status() != MeetingStatus.SCHEDULED || meeting.slot().equals(slot)) {
            return;
        }
        requireFree(meeting.host(), slot, meeting.id());
        meeting.reschedule(slot, meeting.timeZone());
        meeting.revise();
        notices.publish(NoticeKind.CHANGED, meeting, meeting.invitees());
        announcements.publish(Announcement.Event.CHANGED, meeting);
        LOG.info(() -> "Meeting " + meeting.id() + " moved to " + slot + " from its host's calendar");
    }

    public void cancel(Caller caller, String reference) {
        Meeting meeting = resolveLocked(reference);
        User user = requireHostOrAdmin(caller, meeting);
        boolean wasScheduled = meeting.status() == MeetingStatus.SCHEDULED;
        meeting.cancel();
        if (wasScheduled) {
            notices.publish(NoticeKind.CANCELLED, meeting, meeting.invitees());
            announcements.publish(Announcement.Event.CANCELLED, meeting);
        }
        LOG.info(() -> "Meeting " + meeting.id() + " cancelled by user " + user.id());
    }

    public Page<MeetingSummary> upcoming(Caller caller, int page, int size) {
        User user = users.current(caller);
        Instant now = clock.instant();
        List<MeetingSummary> items = meetings.upcomingFor(user, now, page, size).stream()
                .map(m -> MeetingSummary.of(m, m.isHostedBy(user))).toList();
        return new Page<>(items, page, size, meetings.countUpcomingFor(user, now));
    }

    public MeetingDetails details(Caller caller, String reference) {
        Meeting meeting = resolve(reference);
        User user = users.current(caller);
        if (!meeting.concerns(user) && !caller.isAdmin()) {
            throw notFound();
        }
        return details(meeting);
    }

    /**
     * A signed-in user enters with the meeting code, an invitation or the link token; anyone but the
     * host gives the passcode when there is one.
     */
    /** @param client who is trying, for rate limiting wrong passcodes */
    public JoinOutcome join(Caller caller, String reference, JoinRequest request, String client) {
        Meeting meeting = resolveLocked(reference);
        User user = users.current(caller);
        boolean mayEnter = meeting.concerns(user) || MeetingSecrets.isCode(reference)
                || meeting.joinTokenIs(request.joinToken());
        if (!mayEnter) {
            throw notFound();
        }
        checkPasscode(meeting, user, request, client);
        boolean wasLive = meeting.status() == MeetingStatus.LIVE;
        List<Participation> waitingBefore = waiting(meeting);
        Participation participation = meeting.enter(user, clock.instant());
        announceEntry(meeting, participation);
        if (!wasLive && meeting.status() == MeetingStatus.LIVE) {
            events.record(meeting, "meeting.started", Json.createObjectBuilder(), EventAudience.ALL, null);
            announcements.publish(Announcement.Event.STARTED, meeting);
            started.fire(new MeetingLifecycle.Started(meeting.id()));
        }
        for (Participation w : waitingBefore) {
            if (w.state() == ParticipationState.JOINED) {
                events.recordForAll(meeting, "participant.admitted", w);
            }
        }
        LOG.info(() -> "User " + user.id() + " joined meeting " + meeting.id() + ": " + participation.state());
        return JoinOutcome.of(participation, null, tickets.issue(participation, ParticipantTickets.Kind.CHANNEL));
    }

    /** A guest without an account enters through the secure link and gets a meeting-scoped ticket. */
    /**
     * @param client  who is trying, for rate limiting wrong passcodes
     * @param lineage the guest's browser and earlier ticket: a removed guest is refused by them
     */
    public JoinOutcome joinAsGuest(String reference, JoinRequest request, String client, GuestLineage lineage) {
        Meeting meeting = resolveLocked(reference);
        if (!meeting.joinTokenIs(request.joinToken())) {
            throw notFound();
        }
        if (request.displayName() == null) {
            throw new InvalidInputException("displayName", "guests must give a display name");
        }
        checkPasscode(meeting, null, request, client);
        Participation guest = meeting.enterAsGuest(request.displayName().trim(), lineage.device(),
                earlierGuest(meeting, lineage.earlierTicket()), clock.instant());
        announceEntry(meeting, guest);
        LOG.info(() -> "Guest " + guest.id() + " joined meeting " + meeting.id() + ": " + guest.state());
        return JoinOutcome.of(guest, tickets.issue(guest, ParticipantTickets.Kind.GUEST),
                tickets.issue(guest, ParticipantTickets.Kind.CHANNEL));
    }

    /** The participation an earlier guest ticket of this meeting names, even an expired one; null if none or forged. */
    private UUID earlierGuest(Meeting meeting, String ticket) {
        return ticket == null ? null : tickets.earlier(ticket, meeting.id()).orElse(null);
    }

    /** Leaving: a signed-in caller, or (caller null) a guest by their ticket. */
    public void leave(Caller caller, String guestTicket, String reference) {
        Meeting meeting = resolveLocked(reference);
        leave(meeting, attendees.of(meeting, caller, guestTicket));
    }

    private void leave(Meeting meeting, Participation participation) {
        if (participation.state() == ParticipationState.INVITED) {
            throw new ConflictException("You have not joined this meeting");
        }
        meeting.leave(participation, clock.instant());
        events.recordForAll(meeting, "participant.left", participation);
        LOG.info(() -> "Participation " + participation.id() + " left meeting " + meeting.id());
        if (meeting.status() == MeetingStatus.LIVE && !meeting.hasSomeoneIn()) {
            emptied.fire(new MeetingLifecycle.Emptied(meeting.id()));
        }
    }

    // -------------------------------------------------------------------------------------------

    private Meeting resolve(String reference) {
        return meetings.byReference(reference).orElseThrow(MeetingService::notFound);
    }

    /** For changes that the meeting's channel announces: one at a time per meeting. */
    private Meeting resolveLocked(String reference) {
        return meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
    }

    private User requireHostOrAdmin(Caller caller, Meeting meeting) {
        User user = users.current(caller);
        if (meeting.isHostedBy(user) || caller.isAdmin()) {
            return user;
        }
        if (meeting.concerns(user)) {
            throw new AccessDeniedException("Only the host or an administrator may change this meeting");
        }
        throw notFound();
    }

    /** Serialises scheduling per host (row lock), then refuses overlaps with the next free slots. */
    private void requireFree(User host, TimeSlot slot, UUID except) {
        userRepository.lock(host);
        List<TimeSlot> busy = meetings.busySlots(host, slot.start(), except);
        if (busy.stream().anyMatch(slot::overlaps)) {
            throw new SchedulingConflictException(FreeSlots.after(slot, busy, SUGGESTIONS));
        }
    }

    /** The passcode, or the key the meeting's link carries instead, of anyone but the host. */
    private void checkPasscode(Meeting meeting, User user, JoinRequest request, String client) {
        if (!meeting.asksPasscodeOf(user) || meeting.passcodeKeyIs(request.passcodeKey())) {
            return;
        }
        passcodeAttempts.requireAllowed(meeting.id(), client);
        try {
            meeting.checkPasscode(user, request.passcode());
        } catch (AccessDeniedException wrong) {
            passcodeAttempts.recordFailure(meeting.id(), client);
            throw wrong;
        }
    }

    private static List<Participation> waiting(Meeting meeting) {
        return meeting.participations().stream().filter(p -> p.state() == ParticipationState.WAITING).toList();
    }

    private List<Participation> invite(Meeting meeting, List<String> emails, Instant now) {
        if (emails == null) {
            return List.of();
        }
        List<Participation> invited = new ArrayList<>();
        for (String email : emails) {
            String normalized = User.normalizeEmail(email);
            // an account whose address is not verified is not the address's owner: the invitation stays by address
            meeting.invite(userRepository.byEmail(normalized).filter(User::emailVerified).orElse(null), normalized, now)
                    .ifPresent(invited::add);
        }
        return invited;
    }

    private String unusedCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = MeetingSecrets.newCode();
            if (meetings.byCode(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free meeting code after 10 attempts");
    }

    private MeetingDetails details(Meeting meeting) {
        return links.details(meeting);
    }

    /** Tells the channel about an arrival: the waiting room only concerns hosts. */
    private void announceEntry(Meeting meeting, Participation p) {
        if (p.state() == ParticipationState.WAITING) {
            events.record(meeting, "participant.waiting", MeetingEventLog.describe(p), EventAudience.HOSTS, null);
        } else {
            events.recordForAll(meeting, "participant.joined", p);
        }
    }

    public static NotFoundException notFound() {
        return new NotFoundException("No such meeting, or it is not visible to you");
    }
}
