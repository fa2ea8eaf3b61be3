package io.convene.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * What a legal hold keeps beyond the person's own data: the recordings of every meeting someone on
 * hold was in (invited, joined or hosting) or started. Neither a deletion nor retention removes them.
 */
@ApplicationScoped
public class LegalHolds {

    /** The hold {@code h} keeps the recording {@code r} (SQL). */
    private static final String KEEPS = """
            (h.user_id = r.started_by
             or h.user_id in (select p.user_id from participations p where p.meeting_id = r.meeting_id)
             or h.user_id = (select m.host_id from meetings m where m.id = r.meeting_id))""";

    /** Whether the recording {@code r} (SQL, a row of {@code recordings} aliased {@code r}) is held. */
    static final String RECORDING_HELD = "exists (select 1 from legal_holds h where " + KEEPS + ")";

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    /** The reasons of the holds that keep this recording; empty when none does. */
    public List<String> onRecording(UUID recordingId) {
        @SuppressWarnings("unchecked")
        List<String> reasons = em.createNativeQuery("select h.reason from recordings r, legal_holds h where r.id = ?1 and "
                        + KEEPS + " order by h.placed_at")
                .setParameter(1, recordingId).getResultList();
        return reasons;
    }
}
