package io.convene.meeting;

import io.convene.user.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where the meeting context keeps meetings, their participations and series ({@code persistence.JpaMeetingRepository}). */
public interface MeetingRepository {

    Optional<Meeting> byId(UUID id);

    Optional<Meeting> byCode(String code);

    /** The meeting, its row locked until the transaction ends. */
    Optional<Meeting> lockedById(UUID id);

    /** The meeting with this code, its row locked until the transaction ends. */
    Optional<Meeting> lockedByCode(String code);

    /**
     * The meeting by id or ten-digit code, its row locked until the transaction ends: changes to a
     * running meeting, and the numbering of its events, happen one at a time.
     */
    default Optional<Meeting> lockedByReference(String reference) {
        if (MeetingSecrets.isCode(reference)) {
            return lockedByCode(reference);
        }
        try {
            return lockedById(UUID.fromString(reference));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The meeting by id or ten-digit code; anything else finds nothing. */
    default Optional<Meeting> byReference(String reference) {
        if (MeetingSecrets.isCode(reference)) {
            return byCode(reference);
        }
        try {
            return byId(UUID.fromString(reference));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * One participation of the meeting by its id, without loading the meeting's others (a meeting of
     * a thousand would load and then dirty-check all of them on every chat message).
     */
    Optional<Participation> participation(Meeting meeting, UUID participationId);

    /** Whom these participations of the meeting reach (those it still has), in one query, loading none of them. */
    List<Addressee> addressees(UUID meetingId, java.util.Collection<UUID> participationIds);

    /** The participations of the meeting that may be the person's (theirs, or invitations to their address), in order. */
    List<Participation> candidatesFor(Meeting meeting, User user);

    /** The role of the person's own participation in the meeting (not of an invitation to their address), if any. */
    Optional<MeetingRole> roleOfUser(UUID meetingId, UUID userId);

    /** The person's participation in the meeting, as {@link Meeting#participationOf} finds it, loading only theirs. */
    default Optional<Participation> participationOf(Meeting meeting, User user) {
        return candidatesFor(meeting, user).stream().filter(p -> p.concerns(user)).findFirst();
    }

    /** Adds a participation that its meeting took in (without loading the meeting's others to add it to them). */
    void addParticipation(Participation participation);

    /**
     * Those in the meeting now (joined; with {@code waitingToo}, those in the waiting room as well),
     * in its order, as the channel describes them: the columns alone, for a greeting that lists
     * everyone (no entity per participant for Hibernate to keep and compare).
     */
    List<PresentParticipant> present(Meeting meeting, boolean waitingToo);

    /** The guests removed from the meeting (who may not come back from the same browser or ticket). */
    List<Participation> removedGuests(Meeting meeting);

    /** Whether a host of the meeting is in it now. */
    boolean hostIn(Meeting meeting);

    /** Whether anyone is in the meeting now (one query: for callers outside a transaction too). */
    boolean hasSomeoneIn(UUID meetingId);

    /** The meetings whose breakout rooms are to close by then (their timer has run out). */
    List<UUID> withBreakoutsClosingBy(Instant now);

    /** Whether the meeting is being recorded now (the channel's greeting says so to those who come in). */
    boolean isRecording(UUID meetingId);

    /** Who runs a meeting, who was removed from it, and its status: what the channel needs per event. */
    record Standing(Set<UUID> runners, Set<UUID> removed, Map<UUID, UUID> rooms, MeetingStatus status) {
    }

    Standing standing(UUID meetingId);

    void addSeries(MeetingSeries series);

    Optional<MeetingSeries> series(UUID id);

    /** The series' meeting that its rule started at {@code originalStart}. */
    Optional<Meeting> ofSeriesAt(MeetingSeries series, Instant originalStart);

    /** The series' scheduled meetings that have not ended yet, soonest first, their rows locked. */
    List<Meeting> aheadInSeries(MeetingSeries series, Instant now);

    /** The series' meetings that are not cancelled, earliest first. */
    List<Meeting> notCancelledOfSeries(MeetingSeries series);

    /** The meeting of a series that its link leads to now: the live one, else the next, else the last held. */
    default Optional<Meeting> currentOfSeries(MeetingSeries series, Instant now) {
        List<Meeting> all = notCancelledOfSeries(series);
        return all.stream().filter(m -> m.status() == MeetingStatus.LIVE).findFirst()
                .or(() -> all.stream().filter(m -> !m.isOver(now)).findFirst())
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
    }

    void add(Meeting meeting);

    /** The host's open meetings that end after {@code from}: their calendar from then on. */
    List<TimeSlot> busySlots(User host, Instant from, UUID except);

    /** One busy time of a person: a scheduled or live meeting they host or are invited to and did not decline. */
    record BusyTime(String email, String name, UUID hostId, String title, Instant start, Instant end) {
    }

    /** The busy times of the people with these addresses (Convene's users) between {@code from} and {@code to}. */
    List<BusyTime> busyTimes(Set<String> emails, Instant from, Instant to, UUID except);

    List<Meeting> upcomingFor(User user, Instant now, int page, int size);

    long countUpcomingFor(User user, Instant now);

    List<Meeting> pastFor(User user, Instant now, int page, int size);

    long countPastFor(User user, Instant now);

    /**
     * Scheduled meetings whose reminder is due now and was not sent since they were (last) moved,
     * soonest first, at most {@code limit}; their rows locked until the transaction ends, skipping
     * any another node holds (it reminds them).
     */
    List<Meeting> dueForReminder(Instant now, int limit);

    /** The series' occurrences cancelled on their own (their original starts), earliest first. */
    List<Instant> cancelledOccurrences(MeetingSeries series);

    /** All the series' meetings, cancelled ones too, by their original start. */
    List<Meeting> allOfSeries(MeetingSeries series);
}
