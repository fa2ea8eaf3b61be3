package io.convene.poll.persistence;

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

/** A person's answers to polls (kept, without a name, by an erasure: the results must add up). */
@ApplicationScoped
public class PollPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws java.io.IOException {
        out.section("poll-answers", "Your answers to polls", rows("""
                select v.poll_id, po.question, o.text as answer, v.voted_at
                from poll_votes v join participations p on p.id = v.participation_id
                join polls po on po.id = v.poll_id join poll_options o on o.id = v.option_id
                where p.user_id = ?1 order by v.voted_at""", personId));
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
