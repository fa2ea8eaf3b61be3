package io.convene.meeting;

import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The meeting context's repository kept in maps, for unit tests of use cases: the same answers as
 * {@code persistence.JpaMeetingRepository} for the meetings it holds (a meeting's participations
 * are its own list; nothing is locked, as one test runs one thing at a time).
 */
public final class InMemoryMeetings implements MeetingRepository {

    private static final Comparator<Participation> LISTED = Comparator.comparing(Participation::role)
            .thenComparing(Participation::invitedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Map<UUID, Meeting> meetings = new LinkedHashMap<>();
    private final Map<UUID, MeetingSeries> series = new HashMap<>();
    private final Set<UUID> recording = new HashSet<>();

    /** The recording context says the meeting is being recorded now (or no longer). */
    public void recording(UUID meetingId, boolean on) {
        if (on) {
            recording.add(meetingId);
        } else {
            recording.remove(meetingId);
        }
    }

    public List<Meeting> all() {
        return List.copyOf(meetings.values());
    }

    @Override
    public Optional<Meeting> byId(UUID id) {
        return Optional.ofNullable(meetings.get(id));
    }

    @Override
    public Optional<Meeting> byCode(String code) {
        return meetings.values().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Meeting> lockedById(UUID id) {
        return byId(id);
    }

    @Override
    public Optional<Meeting> lockedByCode(String code) {
        return byCode(code);
    }

    @Override
    public Optional<Participation> participation(Meeting meeting, UUID participationId) {
        return meeting.participation(participationId);
    }

    @Override
    public List<Addressee> addressees(UUID meetingId, Collection<UUID> participationIds) {
        return byId(meetingId).stream().flatMap(m -> m.participations().stream())
                .filter(p -> participationIds.contains(p.id()))
                .map(p -> new Addressee(p.id(), p.user() == null ? null : p.user().id(), p.email())).toList();
    }

    @Override
    public List<Participation> candidatesFor(Meeting meeting, User user) {
        return meeting.participations().stream().filter(p -> !p.isGuest()
                        && (p.user() == user || (p.user() == null && user.email().equals(p.email()))))
                .sorted(LISTED).toList();
    }

    @Override
    public Optional<MeetingRole> roleOfUser(UUID meetingId, UUID userId) {
        return byId(meetingId).stream().flatMap(m -> m.participations().stream())
                .filter(p -> p.user() != null && p.user().id().equals(userId)).map(Participation::role).findFirst();
    }

    @Override
    public void addParticipation(Participation participation) {
        if (!participation.meeting().participations().contains(participation)) {
            throw new IllegalStateException("the meeting took no such participation in");
        }
    }

    @Override
    public List<PresentParticipant> present(Meeting meeting, boolean waitingToo) {
        return meeting.participations().stream().sorted(LISTED).filter(p -> p.state() == ParticipationState.JOINED
                || (waitingToo && p.state() == ParticipationState.WAITING)).map(PresentParticipant::of).toList();
    }

    @Override
    public List<Participation> removedGuests(Meeting meeting) {
        return meeting.participations().stream().filter(p -> p.isGuest() && p.removedAt() != null).toList();
    }

    @Override
    public boolean hostIn(Meeting meeting) {
        return meeting.participations().stream()
                .anyMatch(p -> p.role() == MeetingRole.HOST && p.state() == ParticipationState.JOINED);
    }

    @Override
    public boolean hasSomeoneIn(UUID meetingId) {
        return byId(meetingId).map(Meeting::hasSomeoneIn).orElse(false);
    }

    @Override
    public List<UUID> withBreakoutsClosingBy(Instant now) {
        return meetings.values().stream().filter(m -> m.breakoutsCloseAt() != null && !m.breakoutsCloseAt().isAfter(now))
                .map(Meeting::id).toList();
    }

    @Override
    public boolean isRecording(UUID meetingId) {
        return recording.contains(meetingId);
    }

    @Override
    public Standing standing(UUID meetingId) {
        Meeting m = byId(meetingId).orElseThrow();
        List<Participation> all = m.participations();
        Map<UUID, UUID> rooms = new HashMap<>();
        all.stream().filter(p -> p.roomId() != null).forEach(p -> rooms.put(p.id(), p.roomId()));
        return new Standing(
                all.stream().filter(p -> p.role() != MeetingRole.PARTICIPANT).map(Participation::id).collect(Collectors.toSet()),
                all.stream().filter(p -> p.removedAt() != null).map(Participation::id).collect(Collectors.toSet()),
                rooms, m.status());
    }

    @Override
    public void addSeries(MeetingSeries added) {
        series.put(added.id(), added);
    }

    @Override
    public Optional<MeetingSeries> series(UUID id) {
        return Optional.ofNullable(series.get(id));
    }

    @Override
    public Optional<Meeting> ofSeriesAt(MeetingSeries s, Instant originalStart) {
        return ofSeries(s).filter(m -> originalStart.equals(m.occurrenceStart())).findFirst();
    }

    @Override
    public List<Meeting> aheadInSeries(MeetingSeries s, Instant now) {
        return ofSeries(s).filter(m -> m.status() == MeetingStatus.SCHEDULED && m.slot().end().isAfter(now))
                .sorted(Comparator.comparing(m -> m.slot().start())).toList();
    }

    @Override
    public List<Meeting> notCancelledOfSeries(MeetingSeries s) {
        return ofSeries(s).filter(m -> m.status() != MeetingStatus.CANCELLED)
                .sorted(Comparator.comparing(m -> m.slot().start())).toList();
    }

    @Override
    public void add(Meeting meeting) {
        meetings.put(meeting.id(), meeting);
    }

    @Override
    public List<TimeSlot> busySlots(User host, Instant from, UUID except) {
        return meetings.values().stream().filter(m -> m.host() == host && m.status().isOpen()
                        && m.slot().end().isAfter(from) && !m.id().equals(except))
                .sorted(Comparator.comparing(m -> m.slot().start())).map(Meeting::slot).toList();
    }

    @Override
    public List<BusyTime> busyTimes(Set<String> emails, Instant from, Instant to, UUID except) {
        return meetings.values().stream().filter(m -> m.status().isOpen() && m.slot().end().isAfter(from)
                        && m.slot().start().isBefore(to) && !m.id().equals(except))
                .sorted(Comparator.comparing(m -> m.slot().start()))
                .flatMap(m -> m.participations().stream()
                        .filter(p -> p.user() != null && emails.contains(p.user().email()) && p.removedAt() == null
                                && p.answer() != InvitationAnswer.DECLINED)
                        .map(p -> new BusyTime(p.user().email(), p.user().name(), m.host().id(), m.title(),
                                m.slot().start(), m.slot().end())))
                .toList();
    }

    @Override
    public List<Meeting> upcomingFor(User user, Instant now, int page, int size) {
        return upcoming(user, now).skip((long) page * size).limit(size).toList();
    }

    @Override
    public long countUpcomingFor(User user, Instant now) {
        return upcoming(user, now).count();
    }

    @Override
    public List<Meeting> pastFor(User user, Instant now, int page, int size) {
        return past(user, now).skip((long) page * size).limit(size).toList();
    }

    @Override
    public long countPastFor(User user, Instant now) {
        return past(user, now).count();
    }

    private Stream<Meeting> upcoming(User user, Instant now) {
        return meetings.values().stream().filter(m -> m.status().isOpen() && m.slot().end().isAfter(now) && visible(m, user))
                .sorted(Comparator.comparing((Meeting m) -> m.slot().start()).thenComparing(Meeting::id));
    }

    private Stream<Meeting> past(User user, Instant now) {
        return meetings.values().stream().filter(m -> (m.status() == MeetingStatus.ENDED
                        || (m.status() == MeetingStatus.SCHEDULED && !m.slot().end().isAfter(now))) && visible(m, user))
                .sorted(Comparator.comparing((Meeting m) -> m.slot().start()).reversed().thenComparing(Meeting::id));
    }

    private static boolean visible(Meeting m, User user) {
        return m.host() == user || m.participations().stream().anyMatch(p -> p.user() == user
                || (p.user() == null && !p.isGuest() && user.emailVerified() && user.email().equals(p.email())));
    }

    @Override
    public List<Meeting> dueForReminder(Instant now, int limit) {
        return meetings.values().stream().filter(m -> m.status() == MeetingStatus.SCHEDULED && m.remindedAt() == null
                        && m.reminderMinutes() > 0 && m.slot().start().isAfter(now)
                        && !m.slot().start().minus(Duration.ofMinutes(m.reminderMinutes())).isAfter(now))
                .sorted(Comparator.comparing(m -> m.slot().start())).limit(limit).toList();
    }

    @Override
    public List<Instant> cancelledOccurrences(MeetingSeries s) {
        return ofSeries(s).filter(m -> m.status() == MeetingStatus.CANCELLED && m.isDetached())
                .map(Meeting::occurrenceStart).sorted().toList();
    }

    @Override
    public List<Meeting> allOfSeries(MeetingSeries s) {
        return ofSeries(s).sorted(Comparator.comparing(Meeting::occurrenceStart)).toList();
    }

    private Stream<Meeting> ofSeries(MeetingSeries s) {
        return meetings.values().stream().filter(m -> m.series().map(x -> Objects.equals(x.id(), s.id())).orElse(false));
    }
}
