package io.convene.privacy.persistence;

import io.convene.privacy.LegalHolds;
import io.convene.privacy.PrivacyService;
import io.convene.shared.IdLists;
import io.convene.shared.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link LegalHolds} in PostgreSQL; what a hold keeps is read across the recordings, meetings and participations. */
@ApplicationScoped
public class SqlLegalHolds implements LegalHolds {

    /** The hold {@code h} keeps the recording {@code r} (SQL). */
    private static final String KEEPS = """
            (h.user_id = r.started_by
             or h.user_id in (select p.user_id from participations p where p.meeting_id = r.meeting_id)
             or h.user_id = (select m.host_id from meetings m where m.id = r.meeting_id))""";

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void place(UUID userId, String reason, UUID placedBy, Instant at) {
        em.createNativeQuery("""
                        insert into legal_holds (user_id, reason, placed_by, placed_at) values (?1, ?2, ?3, ?4)
                        on conflict (user_id) do update set reason = excluded.reason, placed_by = excluded.placed_by,
                                                            placed_at = excluded.placed_at""")
                .setParameter(1, userId).setParameter(2, reason).setParameter(3, placedBy).setParameter(4, at).executeUpdate();
    }

    @Override
    public boolean release(UUID userId) {
        return em.createNativeQuery("delete from legal_holds where user_id = ?1").setParameter(1, userId).executeUpdate() > 0;
    }

    @Override
    public Optional<PrivacyService.LegalHold> of(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, reason, placed_by, placed_at from legal_holds where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(SqlLegalHolds::hold);
    }

    @Override
    public List<PrivacyService.LegalHold> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select user_id, reason, placed_by, placed_at from legal_holds order by placed_at")
                .getResultList();
        return rows.stream().map(SqlLegalHolds::hold).toList();
    }

    @Override
    public List<String> onRecording(UUID recordingId) {
        @SuppressWarnings("unchecked")
        List<String> reasons = em.createNativeQuery("select h.reason from recordings r, legal_holds h where r.id = ?1 and "
                        + KEEPS + " order by h.placed_at")
                .setParameter(1, recordingId).getResultList();
        return reasons;
    }

    @Override
    public Set<UUID> keptAmong(Collection<UUID> recordingIds) {
        Set<UUID> kept = new HashSet<>();
        for (List<UUID> part : IdLists.parts(recordingIds)) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("select r.id from recordings r where r.id in (?1)"
                            + " and exists (select 1 from legal_holds h where " + KEEPS + ")", UUID.class)
                    .setParameter(1, part).getResultList();
            kept.addAll(ids);
        }
        return kept;
    }

    private static PrivacyService.LegalHold hold(Object[] r) {
        return new PrivacyService.LegalHold((UUID) r[0], (String) r[1], (UUID) r[2], NativeValues.instant(r[3]));
    }
}
