package io.convene.recording.persistence;

import io.convene.meeting.Meeting;
import io.convene.recording.Recording;
import io.convene.recording.RecordingRepository;
import io.convene.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link RecordingRepository} in PostgreSQL: recordings by JPA, the lost nodes' by SQL over the job leases. */
@ApplicationScoped
public class JpaRecordingRepository implements RecordingRepository {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(Recording recording) {
        em.persist(recording);
    }

    @Override
    public void remove(Recording recording) {
        em.remove(recording);
    }

    @Override
    public Optional<Recording> byId(UUID id) {
        return Optional.ofNullable(em.find(Recording.class, id));
    }

    @Override
    public Optional<Recording> byIdForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Recording.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void reread(Recording recording) {
        em.refresh(recording);
    }

    @Override
    public Optional<Recording> running(UUID meetingId) {
        return em.createQuery("select r from Recording r where r.meetingId = :m and r.status = :s", Recording.class)
                .setParameter("m", meetingId).setParameter("s", Recording.Status.RECORDING).getResultStream().findFirst();
    }

    @Override
    public List<Recording> ofMeeting(UUID meetingId) {
        return em.createQuery("select r from Recording r where r.meetingId = :m order by r.startedAt", Recording.class)
                .setParameter("m", meetingId).getResultList();
    }

    @Override
    public List<Titled> recent(int limit) {
        return em.createQuery("select r, m.title from Recording r, Meeting m where m.id = r.meetingId order by r.startedAt desc",
                        Object[].class).setMaxResults(limit).getResultStream()
                .map(row -> new Titled((Recording) row[0], (String) row[1])).toList();
    }

    @Override
    public List<OfMeeting> readyFromMeetingsOf(User user, int limit) {
        return em.createQuery("""
                        select r, m from Recording r, Meeting m where m.id = r.meetingId and r.status = :ready
                        and exists (select p from Participation p where p.meeting = m and p.user = :u)
                        order by r.startedAt desc""", Object[].class)
                .setParameter("ready", Recording.Status.READY).setParameter("u", user).setMaxResults(limit).getResultStream()
                .map(row -> new OfMeeting((Recording) row[0], (Meeting) row[1])).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> ofLostNodes() {
        return ((List<Object>) em.createNativeQuery("select id from recordings r where status = 'RECORDING' and not exists"
                + " (select 1 from job_leases l where l.job = 'node ' || r.recorder and l.expires_at > clock_timestamp())")
                .getResultList()).stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
    }
}
