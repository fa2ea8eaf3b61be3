package io.convene.meeting.persistence;

import io.convene.meeting.Addressee;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.meeting.MeetingRole;
import io.convene.meeting.MeetingSeries;
import io.convene.meeting.MeetingStatus;
import io.convene.meeting.Participation;
import io.convene.meeting.PresentParticipant;
import io.convene.meeting.TimeSlot;
import io.convene.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link MeetingRepository} in PostgreSQL: meetings and participations by JPA, a few reads by SQL. */
@ApplicationScoped
public class JpaMeetingRepository implements MeetingRepository {

    private static final List<MeetingStatus> OPEN = List.of(MeetingStatus.SCHEDULED, MeetingStatus.LIVE);

    /** A participation {@code p} in the meeting now: JOINED, as {@code Participation.state()} reads it. */
    private static final String IN_IT = "(p.joinedAt is not null and p.leftAt is null and p.removedAt is null and p.deniedAt is null)";

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public Optional<Meeting> byId(UUID id) {
        return Optional.ofNullable(em.find(Meeting.class, id));
    }

    @Override
    public Optional<Meeting> byCode(String code) {
        return em.createQuery("select m from Meeting m where m.code = :c", Meeting.class)
                .setParameter("c", code).getResultStream().findFirst();
    }

    @Override
    public Optional<Meeting> lockedById(UUID id) {
        return Optional.ofNullable(em.find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Meeting> lockedByCode(String code) {
        return em.createQuery("select m from Meeting m where m.code = :c", Meeting.class)
                .setParameter("c", code).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** By key: from the persistence context when it holds it, and no query that would flush it first. */
    @Override
    public Optional<Participation> participation(Meeting meeting, UUID participationId) {
        return Optional.ofNullable(participationId == null ? null : em.find(Participation.class, participationId))
                .filter(p -> p.meeting().id().equals(meeting.id()));
    }

    @Override
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

    @Override
    public List<Participation> candidatesFor(Meeting meeting, User user) {
        return em.createQuery("select p from Participation p where p.meeting = :m and p.guestName is null"
                        + " and (p.user = :u or p.invitedEmail = :e) order by p.role, p.invitedAt", Participation.class)
                .setParameter("m", meeting).setParameter("u", user).setParameter("e", user.email()).getResultList();
    }

    @Override
    public Optional<MeetingRole> roleOfUser(UUID meetingId, UUID userId) {
        return em.createQuery("select p.role from Participation p where p.meeting.id = :m and p.user.id = :u", MeetingRole.class)
                .setParameter("m", meetingId).setParameter("u", userId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public void addParticipation(Participation participation) {
        em.persist(participation);
    }

    @Override
    public List<PresentParticipant> present(Meeting meeting, boolean waitingToo) {
        return em.createQuery("""
                        select new io.convene.meeting.PresentParticipant(p.id, coalesce(p.guestName, u.name, p.invitedEmail),
                            p.role, p.guestName, p.joinedAt, p.audioOn, p.videoOn, p.sharingScreen, p.handRaisedAt, p.roomId, p.panelist)
                        from Participation p left join p.user u
                        where p.meeting = :m and p.removedAt is null and p.deniedAt is null and p.leftAt is null
                        and (p.joinedAt is not null or (:waitingToo = true and p.waitingSince is not null))
                        order by p.role, p.invitedAt""", PresentParticipant.class)
                .setParameter("m", meeting).setParameter("waitingToo", waitingToo).getResultList();
    }

    @Override
    public List<Participation> removedGuests(Meeting meeting) {
        return em.createQuery("select p from Participation p where p.meeting = :m and p.guestName is not null"
                        + " and p.removedAt is not null", Participation.class)
                .setParameter("m", meeting).getResultList();
    }

    @Override
    public boolean hostIn(Meeting meeting) {
        return em.createQuery("select count(p) from Participation p where p.meeting = :m and p.role = :host and " + IN_IT,
                        Long.class)
                .setParameter("m", meeting).setParameter("host", MeetingRole.HOST).getSingleResult() > 0;
    }

    @Override
    public boolean hasSomeoneIn(UUID meetingId) {
        return em.createQuery("select count(p) from Participation p where p.meeting.id = :m and " + IN_IT, Long.class)
                .setParameter("m", meetingId).getSingleResult() > 0;
    }

    @Override
    public List<UUID> withBreakoutsClosingBy(Instant now) {
        return em.createQuery("select m.id from Meeting m where m.breakoutsCloseAt <= :now", UUID.class)
                .setParameter("now", now).getResultList();
    }

    @Override
    public boolean isRecording(UUID meetingId) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from recordings where meeting_id = ?1 and status = 'RECORDING')")
                .setParameter(1, meetingId).getSingleResult();
    }


    @Override
    public Standing standing(UUID meetingId) {
        MeetingStatus status = em.createQuery("select m.status from Meeting m where m.id = :m", MeetingStatus.class)
                .setParameter("m", meetingId).getSingleResult();
        // one read of the few who stand apart (hosts, the removed, those in breakout rooms), not of everyone
        Set<UUID> runners = new HashSet<>();
        Set<UUID> removed = new HashSet<>();
        Map<UUID, UUID> rooms = new HashMap<>();
        em.createQuery("select p.id, p.role, p.removedAt, p.roomId from Participation p where p.meeting.id = :m"
                        + " and (p.role <> :participant or p.removedAt is not null or p.roomId is not null)", Object[].class)
                .setParameter("m", meetingId).setParameter("participant", MeetingRole.PARTICIPANT).getResultList()
                .forEach(r -> {
                    UUID id = (UUID) r[0];
                    if (r[1] != MeetingRole.PARTICIPANT) {
                        runners.add(id);
                    }
                    if (r[2] != null) {
                        removed.add(id);
                    }
                    if (r[3] != null) {
                        rooms.put(id, (UUID) r[3]);
                    }
                });
        return new Standing(runners, removed, rooms, status);
    }

    @Override
    public void addSeries(MeetingSeries series) {
        em.persist(series);
    }

    @Override
    public Optional<MeetingSeries> series(UUID id) {
        return Optional.ofNullable(em.find(MeetingSeries.class, id));
    }

    @Override
    public Optional<Meeting> ofSeriesAt(MeetingSeries series, Instant originalStart) {
        return em.createQuery("select m from Meeting m where m.series = :s and m.occurrenceStart = :at", Meeting.class)
                .setParameter("s", series).setParameter("at", originalStart).getResultStream().findFirst();
    }

    @Override
    public List<Meeting> aheadInSeries(MeetingSeries series, Instant now) {
        return em.createQuery("select m from Meeting m where m.series = :s and m.status = :scheduled and m.endsAt > :now"
                        + " order by m.startsAt", Meeting.class)
                .setParameter("s", series).setParameter("scheduled", MeetingStatus.SCHEDULED).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<Meeting> notCancelledOfSeries(MeetingSeries series) {
        return em.createQuery("select m from Meeting m where m.series = :s and m.status <> :cancelled"
                        + " order by m.startsAt", Meeting.class)
                .setParameter("s", series).setParameter("cancelled", MeetingStatus.CANCELLED).getResultList();
    }

    @Override
    public void add(Meeting meeting) {
        em.persist(meeting);
    }

    @Override
    public List<TimeSlot> busySlots(User host, Instant from, UUID except) {
        return em.createQuery("""
                        select m from Meeting m where m.host = :h and m.status in :open and m.endsAt > :from
                        and m.id <> :except order by m.startsAt""", Meeting.class)
                .setParameter("h", host).setParameter("open", OPEN).setParameter("from", from)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getResultStream().map(Meeting::slot).toList();
    }


    @Override
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

    @Override
    public List<Meeting> upcomingFor(User user, Instant now, int page, int size) {
        return upcoming(em.createQuery("select m from Meeting m where " + VISIBLE_AND_UPCOMING
                + " order by m.startsAt, m.id", Meeting.class), user, now)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
    public long countUpcomingFor(User user, Instant now) {
        return upcoming(em.createQuery("select count(m) from Meeting m where " + VISIBLE_AND_UPCOMING, Long.class),
                user, now).getSingleResult();
    }

    @Override
    public List<Meeting> pastFor(User user, Instant now, int page, int size) {
        return past(em.createQuery("select m from Meeting m where " + VISIBLE_AND_PAST
                + " order by m.startsAt desc, m.id", Meeting.class), user, now)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Override
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

    private static final String VISIBLE_AND_PAST = """
            (m.status = :ended or (m.status = :scheduled and m.endsAt <= :now)) and (m.host = :u or exists (
              select p from Participation p where p.meeting = m
              and (p.user = :u or (:verified = true and p.invitedEmail = :email))))""";

    private static final String VISIBLE_AND_UPCOMING = """
            m.status in :open and m.endsAt > :now and (m.host = :u or exists (
              select p from Participation p where p.meeting = m
              and (p.user = :u or (:verified = true and p.invitedEmail = :email))))""";

    @Override
    public List<Meeting> dueForReminder(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from meetings
                        where status = 'SCHEDULED' and reminded_at is null and reminder_minutes > 0
                          and starts_at > ?1 and starts_at - make_interval(mins => reminder_minutes) <= ?1
                        order by starts_at limit ?2 for update skip locked""")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return due.stream().map(id -> em.find(Meeting.class, id)).toList();
    }

    @Override
    public List<Instant> cancelledOccurrences(MeetingSeries series) {
        return em.createQuery("select m.occurrenceStart from Meeting m where m.series = :s and m.status = :c and m.detached = true"
                        + " order by m.occurrenceStart", Instant.class)
                .setParameter("s", series).setParameter("c", MeetingStatus.CANCELLED).getResultList();
    }

    @Override
    public List<Meeting> allOfSeries(MeetingSeries series) {
        return em.createQuery("select m from Meeting m where m.series = :s order by m.occurrenceStart", Meeting.class)
                .setParameter("s", series).getResultList();
    }
}
