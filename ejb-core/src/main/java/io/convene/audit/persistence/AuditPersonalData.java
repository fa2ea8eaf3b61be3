package io.convene.audit.persistence;

import io.convene.personaldata.ExportRows;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** The audit trail's entries by or about a person (kept by an erasure: they hold ids only). */
@ApplicationScoped
public class AuditPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 80;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws java.io.IOException {
        out.section("audit", "Audit trail entries about you or by you", rows("""
                select a.id, a.at, a.action, a.meeting_id, a.target, a.source_ip, a.outcome,
                       a.actor_user_id = ?1 as by_them
                from audit_entries a
                where a.actor_user_id = ?1 or a.target = 'user:' || ?1
                   or a.target_participation_id in (select id from participations where user_id = ?1)
                order by a.id""", personId));
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
