package io.convene.integration.persistence;

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

/** The calendars a person connected (their grants are deleted with them). */
@ApplicationScoped
public class IntegrationPersonalData implements PersonalDataKeeper {

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws java.io.IOException {
        out.section("calendar-connections", "Calendars you connected", rows("""
                select provider, connected_at, last_success_at from integration_connections where user_id = ?1""", personId));
    }

    @Override
    public void erase(Erasure erasure) {
        erasure.erased("calendar-connections", em.createNativeQuery("delete from integration_connections where user_id = ?1")
                .setParameter(1, erasure.person().id()).executeUpdate());
    }

    private JsonArray rows(String sql, UUID personId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter(1, personId).getResultList();
        return ExportRows.json(rows);
    }
}
