package io.convene.meeting;

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
import io.convene.shared.Jsons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Scheduling, changing, listing, joining and leaving meetings: one public method per use case. */
@Stateless
public class MeetingService {

    @Inject
    io.convene.platform.ProductCounters counters;

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
    Sealing sealing;

    @Inject
    jakarta.enterprise.event.Event<MeetingNews> news;

    public MeetingDetails schedule(Caller caller, MeetingDraft draft) {
        User host = users.current(caller);
        if (!caller.mayHost()) {
            throw new AccessDeniedException("Only hosts and administrators schedule meetings");
        }
        Instant now = clock.instant();
        ZoneId zone = TimeZones.parse("timeZone", draft.timeZone());
        TimeSlot slot = MeetingTimes.parse(draft.start(), draft.end(), zone, now);
        if (draft.recurrence() != null) {
            return scheduleSeries(host, draft, zone, slot, now);
        }
        requireFree(host, slot, null);

        Meeting meeting = newMeeting(host, draft, slot, zone, now, passcodeOf(draft));
        List<Participation> invited = invite(meeting, draft.invitees(), now);
        meetings.add(meeting);
        news.fire(new MeetingNews.Scheduled(meeting, invited));
        LOG.info(() -> "Scheduled meeting " + meeting.id() + " (code " + meeting.code() + ") for host " + host.id());
        return details(meeting);
    }

    /**
     * A recurring meeting: a meeting for each start the rule gives (none may collide with the host's
     * other meetings), one series invitation with the rule, sent with the first.
     */
    private MeetingDetails scheduleSeries(User host, MeetingDraft draft, ZoneId zone, TimeSlot first, Instant now) {
        LocalDateTime firstLocal = LocalDateTime.ofInstant(first.start(), zone);
        Recurrence rule = draft.recurrence().checked(firstLocal);
        userRepository.lock(host);
        List<TimeSlot> busy = meetings.busySlots(host, first.start(), null);
        List<TimeSlot> slots = rule.starts(firstLocal).stream().map(local -> {
            Instant start = local.atZone(zone).toInstant();
            return new TimeSlot(start, start.plus(first.duration()));
        }).toList();
        for (TimeSlot slot : slots) {
            if (busy.stream().anyMatch(slot::overlaps)) {
                throw new SchedulingConflictException("The host already has a meeting at " + slot.start()
                        + ", one of the series' times", FreeSlots.after(slot, busy, SUGGESTIONS));
            }
        }
        Protection passcode = passcodeOf(draft);
        MeetingSeries series = null;
        List<Participation> invited = List.of();
        Meeting firstMeeting = null;
        for (TimeSlot slot : slots) {
            Meeting meeting = newMeeting(host, draft, slot, zone, now, passcode);
            List<Participation> invitedHere = invite(meeting, draft.invitees(), now);
            if (series == null) {
                series = new MeetingSeries(meeting, rule, zone, now);
                meetings.addSeries(series);
                invited = invitedHere;
                firstMeeting = meeting;
            }
            meeting.joinSeries(series, slot.start());
            meetings.add(meeting);
        }
        news.fire(new MeetingNews.Scheduled(firstMeeting, invited));
        MeetingSeries made = series;
        LOG.info(() -> "Scheduled series " + made.id() + " (" + made.rule() + ", " + slots.size() + " meetings) for host "
                + host.id());
        return details(firstMeeting);
    }

    /** The passcode's hash and its sealed copy, made once for every meeting of a series (their links share its key). */
    private record Protection(String hash, String sealed) {
    }

    private Protection passcodeOf(MeetingDraft draft) {
        return draft.passcode() == null ? null : new Protection(Passcode.hash(draft.passcode()), sealing.seal(draft.passcode()));
    }

    private Meeting newMeeting(User host, MeetingDraft draft, TimeSlot slot, ZoneId zone, Instant now, Protection passcode) {
        Meeting meeting = new Meeting(host, draft.title().trim(), draft.agenda(), slot, zone, unusedCode(), now);
        if (passcode != null) {
            meeting.protectWith(passcode.hash(), passcode.sealed());
        }
        meeting.changeAccess(Boolean.TRUE.equals(draft.waitingRoom()), Boolean.TRUE.equals(draft.allowGuests()));
        if (draft.reminderMinutes() != null) {
            meeting.remindBefore(draft.reminderMinutes());
        }
        meeting.recordFromStart(Boolean.TRUE.equals(draft.recordOnStart()));
        if (draft.settings() != null) {
            meeting.changeSettings(draft.settings().applyTo(meeting.settings()));
        }
        return meeting;
    }

    /**
     * Changes a meeting; for one of a series, {@code wholeSeries} changes it and every meeting of the
     * series still ahead that was not changed on its own (a move shifts each by the same wall-clock
     * time), else only this one, which its invitations then treat as changed on its own.
     */
    public MeetingDetails edit(Caller caller, String reference, MeetingChanges changes, boolean wholeSeries) {
        Meeting meeting = resolveLocked(reference);
        User user = requireHostOrAdmin(caller, meeting);
        Instant now = clock.instant();
        if (changes.passcode() != null && Boolean.TRUE.equals(changes.removePasscode())) {
            throw new InvalidInputException("removePasscode", "cannot set and remove the passcode at once");
        }
        ZoneId zone = changes.timeZone() == null ? meeting.timeZone() : TimeZones.parse("timeZone", changes.timeZone());
        if (!wholeSeries || meeting.series().isEmpty()) {
            List<Participation> earlier = meeting.invitees();
            List<Participation> invited = change(meeting, changes, moved(meeting, changes, zone, now), zone, now,
                    passcodeOf(changes));
            meeting.detach();
            meeting.revise();
            news.fire(new MeetingNews.Changed(meeting, earlier, invited));
            LOG.info(() -> "Meeting " + meeting.id() + " edited by user " + user.id());
            return details(meeting);
        }
        MeetingSeries series = meeting.series().get();
        TimeSlot target = moved(meeting, changes, zone, now);
        Duration shift = target == null ? Duration.ZERO : Duration.between(
                LocalDateTime.ofInstant(meeting.slot().start(), meeting.timeZone()), LocalDateTime.ofInstant(target.start(), zone));
        Duration length = target == null ? null : target.duration();
        Protection passcode = passcodeOf(changes);
        List<Meeting> ahead = meetings.aheadInSeries(series, now);
        Meeting first = null;
        List<Participation> earlier = List.of();
        List<Participation> invited = List.of();
        for (Meeting m : ahead) {
            if (m.isDetached()) {
                continue; // changed on its own: it stays as it is
            }
            TimeSlot slot = null;
            if (target != null) {
                Instant start = LocalDateTime.ofInstant(m.slot().start(), m.timeZone()).plus(shift).atZone(zone).toInstant();
                slot = new TimeSlot(start, start.plus(length));
            }
            List<Participation> before = m.invitees();
            List<Participation> added = change(m, changes, slot, zone, now, passcode);
            m.revise();
            if (first == null) {
                first = m;
                earlier = before;
                invited = added;
            }
        }
        if (target != null) {
            series.move(shift, length, zone);
        }
        series.revise();
        if (first != null) {
            news.fire(new MeetingNews.Changed(first, earlier, invited));
        }
        LOG.info(() -> "Series " + series.id() + " (" + ahead.size() + " meetings ahead) edited by user " + user.id());
        return details(meeting.isOver(now) || first == null ? meeting : first);
    }

    /** Where {@code changes} move the meeting (checked), or null when they do not move it. */
    private TimeSlot moved(Meeting meeting, MeetingChanges changes, ZoneId zone, Instant now) {
        if (changes.start() == null && changes.end() == null && changes.timeZone() == null) {
            return null;
        }
        return changes.start() == null && changes.end() == null ? meeting.slot()
                : MeetingTimes.parse(changes.start(), changes.end(), zone, now);
    }

    /** Applies {@code changes} to one meeting (moved to {@code slot} when not null); answers who is newly invited. */
    private List<Participation> change(Meeting meeting, MeetingChanges changes, TimeSlot slot, ZoneId zone, Instant now,
                                       Protection passcode) {
        if (slot != null) {
            requireFree(meeting.host(), slot, meeting.id());
            meeting.reschedule(slot, zone);
        }
        meeting.describe(changes.title() == null ? null : changes.title().trim(), changes.agenda());
        if (passcode != null) {
            meeting.protectWith(passcode.hash(), passcode.sealed());
        } else if (Boolean.TRUE.equals(changes.removePasscode())) {
            meeting.protectWith(null);
        }
        meeting.changeAccess(changes.waitingRoom(), changes.allowGuests());
        if (changes.reminderMinutes() != null) {
            meeting.remindBefore(changes.reminderMinutes());
        }
        if (changes.recordOnStart() != null) {
            meeting.recordFromStart(changes.recordOnStart());
        }
        if (changes.settings() != null) {
            meeting.changeSettings(changes.settings().applyTo(meeting.settings()));
        }
        return invite(meeting, changes.invitees(), now);
    }

    private Protection passcodeOf(MeetingChanges changes) {
        return changes.passcode() == null ? null
                : new Protection(Passcode.hash(changes.passcode()), sealing.seal(changes.passcode()));
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
        meeting.detach();
        meeting.revise();
        news.fire(new MeetingNews.Changed(meeting, meeting.invitees()));
        LOG.info(() -> "Meeting " + meeting.id() + " moved to " + slot + " from its host's calendar");
    }

    /**
     * The answers the invitees gave in the host's calendar (the provider sent them the invitation):
     * each invitee's answer by address (ACCEPTED, TENTATIVE, DECLINED). In a transaction of its own,
     * like a move from the calendar. Answers how many changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int answersFromCalendar(UUID meetingId, java.util.Map<String, String> answers) {
        Meeting meeting = resolveLocked(meetingId.toString());
        if (meeting.status() != MeetingStatus.SCHEDULED && meeting.status() != MeetingStatus.LIVE) {
            return 0;
        }
        int changed = 0;
        for (Participation p : meeting.invitees()) {
            String given = p.email() == null ? null : answers.get(p.email());
            if (given != null && InvitationAnswer.valueOf(given) != p.answer()) {
                p.answer(InvitationAnswer.valueOf(given), clock.instant());
                changed++;
            }
        }
        int count = changed;
        if (count > 0) {
            LOG.info(() -> count + " answers to meeting " + meetingId + " came from its host's calendar");
        }
        return count;
    }

    /**
     * The answers the invitees gave to a series' recurring event in the host's calendar: theirs for
     * each meeting of the series ahead that was not changed on its own. Answers how many people's
     * answers changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int seriesAnswersFromCalendar(UUID seriesId, java.util.Map<String, String> answers) {
        MeetingSeries series = meetings.series(seriesId).orElse(null);
        if (series == null) {
            return 0;
        }
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (Meeting meeting : meetings.aheadInSeries(series, clock.instant())) {
            if (meeting.isDetached()) {
                continue; // changed on its own: its own occurrence carries its answers
            }
            for (Participation p : meeting.invitees()) {
                String given = p.email() == null ? null : answers.get(p.email());
                if (given != null && InvitationAnswer.valueOf(given) != p.answer()) {
                    p.answer(InvitationAnswer.valueOf(given), clock.instant());
                    changed.add(p.email());
                }
            }
        }
        LOG.info(() -> changed.size() + " people's answers to series " + seriesId + " came from its host's calendar");
        return changed.size();
    }

    /** The meeting of the series whose start by the rule was {@code originalStart}, if there is one. */
    public Optional<UUID> ofSeriesAt(UUID seriesId, Instant originalStart) {
        return meetings.series(seriesId).flatMap(series -> meetings.ofSeriesAt(series, originalStart)).map(Meeting::id);
    }

    /** The series' next meeting still to be held, if any. */
    public Optional<Meeting> nextOfSeries(UUID seriesId) {
        return meetings.series(seriesId).flatMap(series -> meetings.currentOfSeries(series, clock.instant()))
                .filter(m -> m.status() == MeetingStatus.SCHEDULED);
    }

    /** Cancels a meeting; for one of a series, {@code wholeSeries} cancels every meeting of it still ahead. */
    public void cancel(Caller caller, String reference, boolean wholeSeries) {
        Meeting meeting = resolveLocked(reference);
        User user = requireHostOrAdmin(caller, meeting);
        if (!wholeSeries || meeting.series().isEmpty()) {
            boolean wasScheduled = meeting.status() == MeetingStatus.SCHEDULED;
            meeting.cancel();
            meeting.detach();
            if (wasScheduled) {
                news.fire(new MeetingNews.Cancelled(meeting, meeting.invitees()));
            }
            LOG.info(() -> "Meeting " + meeting.id() + " cancelled by user " + user.id());
            return;
        }
        MeetingSeries series = meeting.series().get();
        List<Meeting> ahead = meetings.aheadInSeries(series, clock.instant());
        boolean seriesTold = false;
        for (Meeting m : ahead) {
            m.cancel();
            // one that has its own invitation has its own cancellation; the rest are told once, by the first
            boolean tells = m.isDetached() || !seriesTold;
            seriesTold |= !m.isDetached();
            news.fire(new MeetingNews.Cancelled(m, tells ? m.invitees() : List.of()));
        }
        series.revise();
        LOG.info(() -> "Series " + series.id() + " cancelled (" + ahead.size() + " meetings ahead) by user " + user.id());
    }

    public Page<MeetingSummary> upcoming(Caller caller, int page, int size) {
        User user = users.current(caller);
        Instant now = clock.instant();
        List<MeetingSummary> items = meetings.upcomingFor(user, now, page, size).stream()
                .map(m -> MeetingSummary.of(m, user)).toList();
        return new Page<>(items, page, size, meetings.countUpcomingFor(user, now));
    }

    /**
     * Before saving: who of the caller and the invitees is busy at the wanted time, and the next
     * free slots of that length for all of them (within two weeks).
     */
    public Availability availability(Caller caller, AvailabilityQuery query) {
        User me = users.current(caller);
        Instant now = clock.instant();
        ZoneId zone = TimeZones.parse("timeZone", query.timeZone());
        TimeSlot wanted = MeetingTimes.parse(query.start(), query.end(), zone, now);
        UUID except = query.except() == null ? null : editable(caller, me, query.except()).id();
        Set<String> people = new LinkedHashSet<>();
        people.add(me.email());
        if (query.invitees() != null) {
            query.invitees().forEach(e -> people.add(User.normalizeEmail(e)));
        }
        List<MeetingRepository.BusyTime> times = meetings.busyTimes(people, wanted.start(),
                wanted.start().plus(Duration.ofDays(14)), except);
        List<Availability.Busy> busy = times.stream()
                .filter(b -> new TimeSlot(b.start(), b.end()).overlaps(wanted))
                .map(b -> {
                    boolean you = b.email().equals(me.email());
                    return new Availability.Busy(b.email(), b.name(), you, you ? b.title() : null, b.start(), b.end());
                }).toList();
        List<Availability.Slot> free = FreeSlots.after(wanted, times.stream().map(b -> new TimeSlot(b.start(), b.end()))
                .toList(), SUGGESTIONS).stream().map(s -> new Availability.Slot(s.start(), s.end())).toList();
        return new Availability(wanted.start(), wanted.end(), busy, free);
    }

    /** A meeting the caller may change (its host, or an administrator); to anyone else it does not exist. */
    private Meeting editable(Caller caller, User me, String reference) {
        Meeting meeting = resolve(reference);
        if (!meeting.isHostedBy(me) && !caller.isAdmin()) {
            throw notFound();
        }
        return meeting;
    }

    /** Meetings the caller hosted or was in or invited to that are over, the latest first. */
    public Page<MeetingSummary> past(Caller caller, int page, int size) {
        User user = users.current(caller);
        Instant now = clock.instant();
        List<MeetingSummary> items = meetings.pastFor(user, now, page, size).stream()
                .map(m -> MeetingSummary.of(m, user)).toList();
        return new Page<>(items, page, size, meetings.countPastFor(user, now));
    }

    /** An invitee accepts, accepts tentatively or declines; the host sees the answer in the details. */
    public MeetingDetails answer(Caller caller, String reference, InvitationAnswer answer) {
        Meeting meeting = resolveLocked(reference);
        User user = users.current(caller);
        if (!meeting.concerns(user)) {
            throw notFound();
        }
        meeting.answerInvitation(user, answer, clock.instant());
        LOG.info(() -> "User " + user.id() + " answered " + answer + " to meeting " + meeting.id());
        return details(meeting);
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
        Meeting meeting = resolveForJoining(reference);
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
            events.record(meeting, "meeting.started", Jsons.createObjectBuilder(), EventAudience.ALL, null);
            news.fire(new MeetingNews.Started(meeting));
            started.fire(new MeetingLifecycle.Started(meeting.id()));
        }
        for (Participation w : waitingBefore) {
            if (w.state() == ParticipationState.JOINED) {
                events.recordForAll(meeting, "participant.admitted", w);
            }
        }
        LOG.info(() -> "User " + user.id() + " joined meeting " + meeting.id() + ": " + participation.state());
        counters.joined();
        return JoinOutcome.of(participation, null, tickets.issue(participation, ParticipantTickets.Kind.CHANNEL));
    }

    /**
     * What the join page may know before anyone signs in, for the holder of the link: whether guests
     * may come, and whether it is a webinar (its audience is not asked for a camera or microphone).
     */
    public record Entry(boolean guestsAllowed, boolean webinar) {
    }

    /** For the join page: with the link's token (or its series'), whether the meeting takes guests and is a webinar; anyone else finds nothing. */
    public Entry entry(String reference, String joinToken) {
        Meeting meeting = resolve(reference);
        if (!meeting.joinTokenIs(joinToken)) {
            throw notFound();
        }
        return new Entry(meeting.allowsGuests(), meeting.settings().webinar());
    }

    /** A guest without an account enters through the secure link and gets a meeting-scoped ticket. */
    /**
     * @param client  who is trying, for rate limiting wrong passcodes
     * @param lineage the guest's browser and earlier ticket: a removed guest is refused by them
     */
    public JoinOutcome joinAsGuest(String reference, JoinRequest request, String client, GuestLineage lineage) {
        Meeting meeting = resolveForJoining(reference);
        if (!meeting.joinTokenIs(request.joinToken())) {
            throw notFound();
        }
        if (request.displayName() == null) {
            throw new InvalidInputException("displayName", "guests must give a display name");
        }
        checkPasscode(meeting, null, request, client);
        Participation returning = returningGuest(meeting, lineage.earlierTicket());
        Participation guest;
        if (returning != null) {
            guest = meeting.guestReturns(returning, request.displayName().trim(), meetings.hostIn(meeting), clock.instant());
        } else {
            guest = meeting.enterAsGuest(request.displayName().trim(), lineage.device(),
                    earlierGuest(meeting, lineage.earlierTicket()), meetings.removedGuests(meeting), meetings.hostIn(meeting),
                    clock.instant());
            meetings.addParticipation(guest);
        }
        announceEntry(meeting, guest);
        LOG.info(() -> "Guest " + guest.id() + " joined meeting " + meeting.id() + ": " + guest.state());
        counters.joined();
        return JoinOutcome.of(guest, tickets.issue(guest, ParticipantTickets.Kind.GUEST),
                tickets.issue(guest, ParticipantTickets.Kind.CHANNEL));
    }

    /** The guest participation a still valid guest ticket of this meeting names (their page reloaded); null if none. */
    private Participation returningGuest(Meeting meeting, String ticket) {
        if (ticket == null) {
            return null;
        }
        try {
            UUID id = tickets.verify(ticket, meeting.id(), ParticipantTickets.Kind.GUEST);
            return meetings.participation(meeting, id).filter(Participation::isGuest).orElse(null);
        } catch (AuthenticationFailedException e) {
            return null;
        }
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

    /**
     * Someone in the meeting or in its waiting room leaves. Leaving again (a page that says so twice)
     * changes nothing and announces nothing; someone who left the waiting room is announced to the
     * hosts only, who alone were told they were waiting.
     */
    private void leave(Meeting meeting, Participation participation) {
        ParticipationState was = participation.state();
        if (was == ParticipationState.INVITED) {
            throw new ConflictException("You have not joined this meeting");
        }
        if (was != ParticipationState.JOINED && was != ParticipationState.WAITING) {
            return;
        }
        meeting.leave(participation, clock.instant());
        events.record(meeting, "participant.left", MeetingEventLog.describe(participation),
                was == ParticipationState.WAITING ? EventAudience.HOSTS : EventAudience.ALL, null);
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

    /**
     * The meeting a link leads into: for one of a series that is over (the series' invitations carry
     * its first meeting's link), the series' live or next meeting instead.
     */
    private Meeting resolveForJoining(String reference) {
        Meeting meeting = resolveLocked(reference);
        Instant now = clock.instant();
        if (meeting.series().isEmpty() || !meeting.isOver(now)) {
            return meeting;
        }
        return meetings.currentOfSeries(meeting.series().get(), now).filter(m -> !m.equals(meeting))
                .map(m -> resolveLocked(m.id().toString())).orElse(meeting);
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
