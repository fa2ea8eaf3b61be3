package io.convene.recording.persistence;

import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.personaldata.RetentionRun;
import io.convene.privacy.LegalHolds;
import io.convene.shared.IdLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The recordings of a person's meetings (a recording is the meeting's: an erasure keeps it), and
 * retention's age for recordings, which spares those a legal hold keeps.
 */
@ApplicationScoped
public class RecordingPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Inject
    LegalHolds holds;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select r.id, m.title as meeting, r.started_at, r.stopped_at, r.status, r.duration_ms, r.size_bytes,
                               r.started_by = ?1 as started_by_them
                        from recordings r join meetings m on m.id = r.meeting_id
                        where r.started_by = ?1 or exists (select 1 from participations p
                                                           where p.meeting_id = r.meeting_id and p.user_id = ?1 and p.admitted_at is not null)
                        order by r.started_at""", Tuple.class)
                .setParameter(1, personId).getResultList();
        out.section("recordings", "Recordings of your meetings", ExportRows.json(rows));
    }

    @Override
    public void purge(RetentionRun run) {
        Instant before = run.before(run.ages().recordingDays());
        if (before == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> finished = em.createNativeQuery("""
                        select id, blob_key from recordings where status in ('READY', 'FAILED') and stopped_at < ?1""")
                .setParameter(1, before).getResultList();
        Set<UUID> held = holds.keptAmong(finished.stream().map(r -> (UUID) r[0]).toList());
        List<Object[]> going = finished.stream().filter(r -> !held.contains((UUID) r[0])).toList();
        run.counted("recordings", going.size());
        if (run.purging()) {
            for (List<UUID> part : IdLists.parts(going.stream().map(r -> (UUID) r[0]).toList())) {
                em.createNativeQuery("delete from recordings where id in (?1)").setParameter(1, part).executeUpdate();
            }
            going.stream().filter(r -> r[1] != null).forEach(r -> run.deleteFileAfterwards((String) r[1]));
        }
    }
}
