package io.convene.integration.persistence;

import io.convene.integration.CalendarCopyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link CalendarCopyStore} in PostgreSQL, by SQL. */
@ApplicationScoped
public class SqlCalendarCopyStore implements CalendarCopyStore {

    /** Each kind's table and key column. */
    private static final Map<Of, String[]> PLACES = Map.of(Of.MEETING, new String[] {"calendar_copies", "meeting_id"},
            Of.SERIES, new String[] {"calendar_series_copies", "series_id"});

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public Optional<String> externalId(Of of, UUID key, UUID connectionId) {
        String[] place = PLACES.get(of);
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select external_id from " + place[0] + " where " + place[1]
                        + " = ?1 and connection_id = ?2")
                .setParameter(1, key).setParameter(2, connectionId).getResultList();
        return known.stream().findFirst();
    }

    @Override
    public Optional<UUID> keyOf(Of of, UUID connectionId, String externalId) {
        String[] place = PLACES.get(of);
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("select " + place[1] + " from " + place[0]
                        + " where connection_id = ?1 and external_id = ?2")
                .setParameter(1, connectionId).setParameter(2, externalId).getResultList();
        return found.stream().findFirst();
    }

    @Override
    public void put(Of of, UUID key, UUID connectionId, String externalId) {
        String[] place = PLACES.get(of);
        em.createNativeQuery("insert into " + place[0] + " (" + place[1] + ", connection_id, external_id)"
                        + " values (?1, ?2, ?3) on conflict (" + place[1] + ", connection_id)"
                        + " do update set external_id = excluded.external_id")
                .setParameter(1, key).setParameter(2, connectionId).setParameter(3, externalId).executeUpdate();
    }

    @Override
    public void delete(Of of, UUID key, UUID connectionId) {
        String[] place = PLACES.get(of);
        em.createNativeQuery("delete from " + place[0] + " where " + place[1] + " = ?1 and connection_id = ?2")
                .setParameter(1, key).setParameter(2, connectionId).executeUpdate();
    }

    @Override
    public void forget(Of of, UUID connectionId, String externalId) {
        em.createNativeQuery("delete from " + PLACES.get(of)[0] + " where connection_id = ?1 and external_id = ?2")
                .setParameter(1, connectionId).setParameter(2, externalId).executeUpdate();
    }

    @Override
    public void adopted(Of of, UUID meetingId, UUID connectionId, String externalId) {
        em.createNativeQuery(of == Of.MEETING
                        ? "insert into calendar_copies (meeting_id, connection_id, external_id) values (?1, ?2, ?3)"
                        : """
                        insert into calendar_series_copies (series_id, connection_id, external_id)
                        select series_id, ?2, ?3 from meetings where id = ?1""")
                .setParameter(1, meetingId).setParameter(2, connectionId).setParameter(3, externalId).executeUpdate();
    }
}
