package io.convene.qa.persistence;

import io.convene.personaldata.Erasure;
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

/** The questions a person asked in Q&amp;A. */
@ApplicationScoped
public class QuestionPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws java.io.IOException {
        out.section("questions", "Questions you asked in Q&A", rows("""
                select q.id, q.meeting_id, q.text, q.status, q.answer, q.asked_at from questions q
                join participations p on p.id = q.asked_by where p.user_id = ?1 order by q.asked_at""", personId));
    }

    @Override
    public void collect(Erasure erasure) {
        @SuppressWarnings("unchecked")
        List<String> texts = em.createNativeQuery("""
                        select q.text from questions q join participations p on p.id = q.asked_by
                        where p.user_id = ?1 and length(q.text) >= 4""")
                .setParameter(1, erasure.person().id()).getResultList();
        texts.forEach(text -> erasure.replaceInLogs(text, ""));
    }

    @Override
    public void erase(Erasure erasure) {
        erasure.erased("questions", update("""
                update questions set text = '[erased]' where asked_by in (select id from participations where user_id = ?1)""",
                erasure.person().id()));
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }

    private int update(String sql, UUID personId) {
        return em.createNativeQuery(sql).setParameter(1, personId).executeUpdate();
    }
}
