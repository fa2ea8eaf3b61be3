package io.convene.meeting;

import io.convene.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MeetingRepository {

    private static final List<MeetingStatus> OPEN = List.of(MeetingStatus.SCHEDULED, MeetingStatus.LIVE);

    /** A participation {@code p} in the meeting now: {@link ParticipationState#JOINED}, as {@link Participation#state()} reads it. */
    private static final String IN_IT = "(p.joinedAt is not null and p.leftAt is null and p.removedAt is null and p.deniedAt is null)";

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    public Optional<Meeting> byId(UUID id) {
        return Optional.ofNullable(em.find(Meeting.class, id));
    }

    public Optional<Meeting> byCode(String code) {
        return em.createQuery("select m from Meeting m where m.code = :c", Meeting.class)
                .setParameter("c", code).getResultStream().findFirst();
    }

    /**
     * The meeting by id or ten-digit code, its row locked until the transaction ends: changes to a
     * running meeting, and the numbering of its events, happen one at a time.
     */
    public Optional<Meeting> lockedByReference(String reference) {
        if (MeetingSecrets.isCode(reference)) {
            return em.createQuery("select m from Meeting m where m.code = :c", Meeting.class)
                    .setParameter("c", reference).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst();
        }
        try {
            return Optional.ofNullable(em.find(Meeting.class, UUID.fromString(reference), LockModeType.PESSIMISTIC_WRITE));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The meeting by id or ten-digit code; anything else finds nothing. */
    public Optional<Meeting> byReference(String reference) {
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
    public Optional<Participation> participation(Meeting meeting, UUID participationId) {
        return em.createQuery("select p from Participation p where p.id = :id and p.meeting = :m", Participation.class)
                .setParameter("id", participationId).setParameter("m", meeting).getResultStream().findFirst();
    }

    /** Whom these participations of the meeting reach (those it still has), in one query, loading none of them. */
    public List<Addressee> addressees(UUID meetingId, java.util.Collection<UUID> participationIds) {
        List<Addressee> found = new java.util.ArrayList<>();
        for (List<UUID> part : io.convene.shared.IdLists.parts(participationIds)) {
            // SQL, not JPQL: Hibernate translates a JPQL query with a list parameter anew on every run
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select p.id, p.user_id, coalesce(u.email, p.invited_email) from participations p
                            left join users u on u.id = p.user_id where p.meeting_id = ?1 and p.id in (?2)""")
                    .setParameter(1, meetingId).setParameter(2, part).getResultList();
            rows.forEach(r -> found.add(new Addressee((UUID) r[0], (UUID) r[1], (String) r[2])));
        }
        return found;
    }

    /** The person's participation in the meeting, as {@link Meeting#participationOf} finds it, loading only theirs. */
    public Optional<Participation> participationOf(Meeting meeting, User user) {
        return em.createQuery("select p from Participation p where p.meeting = :m and p.guestName is null"
                        + " and (p.user = :u or p.invitedEmail = :e) order by p.role, p.invitedAt", Participation.class)
                .setParameter("m", meeting).setParameter("u", user).setParameter("e", user.email())
                .getResultStream().filter(p -> p.concerns(user)).findFirst();
    }

    /** Adds a participation that its meeting took in (without loading the meeting's others to add it to them). */
    public void addParticipation(Participation participation) {
        em.persist(participation);
    }

    /**
     * Everyone of the meeting, in its order, read-only: for describing them (the channel's greeting)
     * without Hibernate keeping a copy of each to compare at commit.
     */
    public List<Participation> participationsToRead(Meeting meeting) {
        return em.createQuery("select p from Participation p left join fetch p.user where p.meeting = :m"
                        + " order by p.role, p.invitedAt", Participation.class)
                .setParameter("m", meeting).setHint("org.hibernate.readOnly", true).getResultList();
    }

    /** The guests removed from the meeting (who may not come back from the same browser or ticket). */
    public List<Participation> removedGuests(Meeting meeting) {
        return em.createQuery("select p from Participation p where p.meeting = :m and p.guestName is not null"
                        + " and p.removedAt is not null", Participation.class)
                .setParameter("m", meeting).getResultList();
    }

    /** Whether a host of the meeting is in it now. */
    public boolean hostIn(Meeting meeting) {
        return em.createQuery("select count(p) from Participation p where p.meeting = :m and p.role = :host and " + IN_IT,
                        Long.class)
                .setParameter("m", meeting).setParameter("host", MeetingRole.HOST).getSingleResult() > 0;
    }

    /** Whether anyone is in the meeting now (one query: for callers outside a transaction too). */
    public boolean hasSomeoneIn(UUID meetingId) {
        return em.createQuery("select count(p) from Participation p where p.meeting.id = :m and " + IN_IT, Long.class)
                .setParameter("m", meetingId).getSingleResult() > 0;
    }

    /** Whether the meeting is being recorded now (the channel's greeting says so to those who come in). */
    public boolean isRecording(UUID meetingId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from recordings where meeting_id = ?1 and status = 'RECORDING')")
                .setParameter(1, meetingId).getSingleResult();
    }

    /** Who runs a meeting, who was removed from it, and its status: what the channel needs per event. */
    public record Standing(Set<UUID> runners, Set<UUID> removed, Map<UUID, UUID> rooms, MeetingStatus status) {
    }

    public Standing standing(UUID meetingId) {
        MeetingStatus status = em.createQuery("select m.status from Meeting m where m.id = :m", MeetingStatus.class)
                .setParameter("m", meetingId).getSingleResult();
        Set<UUID> runners = Set.copyOf(em.createQuery(
                        "select p.id from Participation p where p.meeting.id = :m and p.role <> :participant", UUID.class)
                .setParameter("m", meetingId).setParameter("participant", MeetingRole.PARTICIPANT).getResultList());
        Set<UUID> removed = Set.copyOf(em.createQuery(
                        "select p.id from Participation p where p.meeting.id = :m and p.removedAt is not null", UUID.class)
                .setParameter("m", meetingId).getResultList());
        Map<UUID, UUID> rooms = new HashMap<>();
        em.createQuery("select p.id, p.roomId from Participation p where p.meeting.id = :m and p.roomId is not null",
                        Object[].class)
                .setParameter("m", meetingId).getResultList().forEach(r -> rooms.put((UUID) r[0], (UUID) r[1]));
        return new Standing(runners, removed, rooms, status);
    }

    public void addSeries(MeetingSeries series) {
        em.persist(series);
    }

    public Optional<MeetingSeries> series(UUID id) {
        return Optional.ofNullable(em.find(MeetingSeries.class, id));
    }

    /** The series' meeting that its rule started at {@code originalStart}. */
    public Optional<Meeting> ofSeriesAt(MeetingSeries series, Instant originalStart) {
        return em.createQuery("select m from Meeting m where m.series = :s and m.occurrenceStart = :at", Meeting.class)
                .setParameter("s", series).setParameter("at", originalStart).getResultStream().findFirst();
    }

    /** The series' scheduled meetings that have not ended yet, soonest first, their rows locked. */
    public List<Meeting> aheadInSeries(MeetingSeries series, Instant now) {
        return em.createQuery("select m from Meeting m where m.series = :s and m.status = :scheduled and m.endsAt > :now"
                        + " order by m.startsAt", Meeting.class)
                .setParameter("s", series).setParameter("scheduled", MeetingStatus.SCHEDULED).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The meeting of a series that its link leads to now: the live one, else the next, else the last held. */
    public Optional<Meeting> currentOfSeries(MeetingSeries series, Instant now) {
        List<Meeting> all = em.createQuery("select m from Meeting m where m.series = :s and m.status <> :cancelled"
                        + " order by m.startsAt", Meeting.class)
                .setParameter("s", series).setParameter("cancelled", MeetingStatus.CANCELLED).getResultList();
        return all.stream().filter(m -> m.status() == MeetingStatus.LIVE).findFirst()
                .or(() -> all.stream().filter(m -> !m.isOver(now)).findFirst())
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
    }

    public void add(Meeting meeting) {
        em.persist(meeting);
    }

    /** The host's open meetings that end after {@code from}: their calendar from then on. */
    public List<TimeSlot> busySlots(User host, Instant from, UUID except) {
        return em.createQuery("""
                        select m from Meeting m where m.host = :h and m.status in :open and m.endsAt > :from
                        and m.id <> :except order by m.startsAt""", Meeting.class)
                .setParameter("h", host).setParameter("open", OPEN).setParameter("from", from)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getResultStream().map(Meeting::slot).toList();
    }

    /** One busy time of a person: a scheduled or live meeting they host or are invited to and did not decline. */
    public record BusyTime(String email, String name, UUID hostId, String title, Instant start, Instant end) {
    }

    /** The busy times of the people with these addresses (Convene's users) between {@code from} and {@code to}. */
    public List<BusyTime> busyTimes(Set<String> emails, Instant from, Instant to, UUID except) {
        return em.createQuery("""
                        select new io.convene.meeting.MeetingRepository$BusyTime(u.email, u.name, m.host.id, m.title,
                               m.startsAt, m.endsAt)
                        from Meeting m join m.participations p join p.user u
                        where u.email in :emails and m.status in :open and m.endsAt > :from and m.startsAt < :to
                          and m.id <> :except and p.removedAt is null
                          and (p.answer is null or p.answer <> io.convene.meeting.InvitationAnswer.DECLINED)
                        order by m.startsAt""", BusyTime.class)
                .setParameter("emails", emails).setParameter("open", OPEN).setParameter("from", from)
                .setParameter("to", to).setParameter("except", except == null ? new UUID(0, 0) : except)
                .getResultList();
    }

    public List<Meeting> upcomingFor(User user, Instant now, int page, int size) {
        return upcoming(em.createQuery("select m from Meeting m where " + VISIBLE_AND_UPCOMING
                + " order by m.startsAt, m.id", Meeting.class), user, now)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countUpcomingFor(User user, Instant now) {
        return upcoming(em.createQuery("select count(m) from Meeting m where " + VISIBLE_AND_UPCOMING, Long.class),
                user, now).getSingleResult();
    }

    public List<Meeting> pastFor(User user, Instant now, int page, int size) {
        return past(em.createQuery("select m from Meeting m where " + VISIBLE_AND_PAST
                + " order by m.startsAt desc, m.id", Meeting.class), user, now)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countPastFor(User user, Instant now) {
        return past(em.createQuery("select count(m) from Meeting m where " + VISIBLE_AND_PAST, Long.class), user, now)
                .getSingleResult();
    }

    private static <T> TypedQuery<T> upcoming(TypedQuery<T> query, User user, Instant now) {
        return visibleTo(query, user, now).setParameter("open", OPEN);
    }

    private static <T> TypedQuery<T> past(TypedQuery<T> query, User user, Instant now) {
        return visibleTo(query, user, now).setParameter("ended", MeetingStatus.ENDED)
                .setParameter("scheduled", MeetingStatus.SCHEDULED);
    }

    private static <T> TypedQuery<T> visibleTo(TypedQuery<T> query, User user, Instant now) {
        return query.setParameter("u", user).setParameter("email", user.email())
                .setParameter("verified", user.emailVerified()).setParameter("now", now);
    }

    /** Held, or scheduled and never started before its end; cancelled meetings are not listed. */
    private static final String VISIBLE_AND_PAST = """
            (m.status = :ended or (m.status = :scheduled and m.endsAt <= :now)) and (m.host = :u or exists (
              select p from Participation p where p.meeting = m
              and (p.user = :u or (:verified = true and p.invitedEmail = :email))))""";

    private static final String VISIBLE_AND_UPCOMING = """
            m.status in :open and m.endsAt > :now and (m.host = :u or exists (
              select p from Participation p where p.meeting = m
              and (p.user = :u or (:verified = true and p.invitedEmail = :email))))""";
}
