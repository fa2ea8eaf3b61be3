package io.convene.meeting.persistence;

import io.convene.meeting.PasscodeFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** {@link PasscodeFailures} in PostgreSQL's {@code passcode_failures}. */
@ApplicationScoped
public class SqlPasscodeFailures implements PasscodeFailures {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(UUID meetingId, String client, Instant at) {
        em.createNativeQuery("insert into passcode_failures (meeting_id, client_key, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, meetingId).setParameter(2, client).setParameter(3, at).executeUpdate();
    }

    @Override
    public long byClient(UUID meetingId, String client, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from passcode_failures"
                        + " where meeting_id = ?1 and failed_at > ?2 and client_key = ?3")
                .setParameter(1, meetingId).setParameter(2, since).setParameter(3, client).getSingleResult()).longValue();
    }

    @Override
    public long atMeeting(UUID meetingId, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from passcode_failures"
                        + " where meeting_id = ?1 and failed_at > ?2")
                .setParameter(1, meetingId).setParameter(2, since).getSingleResult()).longValue();
    }
}
