package io.convene.meeting.persistence;

import io.convene.meeting.LiveMeetings;
import io.convene.meeting.MeetingListing;
import io.convene.meeting.MeetingOverview;
import io.convene.meeting.MeetingStatus;
import io.convene.shared.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link MeetingOverview} in PostgreSQL, by SQL over meetings, participations and hosts. */
@ApplicationScoped
public class SqlMeetingOverview implements MeetingOverview {

    /** Each phase's condition and order. */
    private static final Map<MeetingListing.Phase, String[]> PHASES = Map.of(
            MeetingListing.Phase.UPCOMING, new String[] {"m.status = 'SCHEDULED' and m.ends_at >= :now", "m.starts_at asc"},
            MeetingListing.Phase.LIVE, new String[] {"m.status = 'LIVE'", "m.starts_at asc"},
            MeetingListing.Phase.PAST, new String[] {"(m.status = 'ENDED' or (m.status = 'SCHEDULED' and m.ends_at < :now))",
                    "m.starts_at desc"},
            MeetingListing.Phase.CANCELLED, new String[] {"m.status = 'CANCELLED'", "m.starts_at desc"});

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public List<LiveMeetings.Live> live() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select m.id, m.title, m.code, h.name, count(p.id) as present, min(p.joined_at) as since
                        from meetings m
                        join users h on h.id = m.host_id
                        join participations p on p.meeting_id = m.id
                             and p.joined_at is not null and p.left_at is null and p.removed_at is null
                        where m.status = 'LIVE'
                        group by m.id, m.title, m.code, h.name
                        order by present desc, m.title""").getResultList();
        return rows.stream().map(r -> new LiveMeetings.Live((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), NativeValues.instant(r[5]))).toList();
    }

    @Override
    public long startingBetween(Instant from, Instant to) {
        return ((Number) em.createNativeQuery("""
                        select count(*) from meetings where status <> 'CANCELLED' and starts_at >= ?1 and starts_at < ?2""")
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to))
                .getSingleResult()).longValue();
    }

    @Override
    public List<MeetingListing.Row> page(Window window, int offset, int limit) {
        Query q = em.createNativeQuery("""
                        select m.id, m.code, m.title, m.starts_at, m.ends_at, m.status, h.name, h.email,
                               (select count(*) from participations p where p.meeting_id = m.id and p.joined_at is not null
                                    and p.left_at is null and p.removed_at is null),
                               (select count(*) from participations p where p.meeting_id = m.id)
                        from meetings m join users h on h.id = m.host_id
                        where %s
                        order by %s, m.id
                        offset :offset limit :limit""".formatted(where(window), PHASES.get(window.phase())[1]))
                .setParameter("offset", offset).setParameter("limit", limit);
        bind(q, window);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new MeetingListing.Row((UUID) r[0], (String) r[1], (String) r[2],
                NativeValues.instant(r[3]), NativeValues.instant(r[4]), MeetingStatus.valueOf((String) r[5]),
                (String) r[6], (String) r[7], ((Number) r[8]).longValue(), ((Number) r[9]).longValue())).toList();
    }

    @Override
    public long count(Window window) {
        Query q = em.createNativeQuery("select count(*) from meetings m where " + where(window));
        bind(q, window);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String where(Window w) {
        StringBuilder sql = new StringBuilder(PHASES.get(w.phase())[0]);
        if (w.words() != null) {
            sql.append(" and m.search @@ to_tsquery('simple', :words)");
        }
        if (w.from() != null) {
            sql.append(" and m.starts_at >= :from");
        }
        if (w.to() != null) {
            sql.append(" and m.starts_at < :to");
        }
        return sql.toString();
    }

    private static void bind(Query q, Window w) {
        if (PHASES.get(w.phase())[0].contains(":now")) {
            q.setParameter("now", w.now());
        }
        if (w.words() != null) {
            q.setParameter("words", w.words());
        }
        if (w.from() != null) {
            q.setParameter("from", w.from());
        }
        if (w.to() != null) {
            q.setParameter("to", w.to());
        }
    }
}
