package io.convene.meeting;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.search.SearchTerms;
import io.convene.shared.Caller;
import io.convene.shared.NativeValues;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every meeting of the organisation, a window at a time, for administrators: upcoming, live, past
 * or cancelled, narrowed by words of the title or agenda (the search index) and a start range,
 * counted and paged by the database.
 */
@Stateless
public class MeetingListing {

    @Inject
    Permissions permissions;

    /** Where a meeting is in its life, as the console groups them. */
    public enum Phase {
        UPCOMING("m.status = 'SCHEDULED' and m.ends_at >= :now", "m.starts_at asc"),
        LIVE("m.status = 'LIVE'", "m.starts_at asc"),
        PAST("(m.status = 'ENDED' or (m.status = 'SCHEDULED' and m.ends_at < :now))", "m.starts_at desc"),
        CANCELLED("m.status = 'CANCELLED'", "m.starts_at desc");

        private final String condition;
        private final String order;

        Phase(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }
    }

    public record Filter(Phase phase, String words, Instant from, Instant to) {
    }

    public record Row(UUID id, String code, String title, Instant startsAt, Instant endsAt, MeetingStatus status,
                      String hostName, String hostEmail, long present, long invited) {
    }

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Clock clock;

    public List<Row> page(Caller caller, Filter filter, int offset, int limit) {
        permissions.require(caller, Permission.LIST_EVERY_MEETING);
        Query q = em.createNativeQuery("""
                        select m.id, m.code, m.title, m.starts_at, m.ends_at, m.status, h.name, h.email,
                               (select count(*) from participations p where p.meeting_id = m.id and p.joined_at is not null
                                    and p.left_at is null and p.removed_at is null),
                               (select count(*) from participations p where p.meeting_id = m.id)
                        from meetings m join users h on h.id = m.host_id
                        where %s
                        order by %s, m.id
                        offset :offset limit :limit""".formatted(where(filter), filter.phase().order))
                .setParameter("offset", Math.max(0, offset)).setParameter("limit", Math.max(1, Math.min(500, limit)));
        bind(q, filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], NativeValues.instant(r[3]),
                NativeValues.instant(r[4]), MeetingStatus.valueOf((String) r[5]), (String) r[6], (String) r[7],
                ((Number) r[8]).longValue(), ((Number) r[9]).longValue())).toList();
    }

    public long count(Caller caller, Filter filter) {
        permissions.require(caller, Permission.LIST_EVERY_MEETING);
        Query q = em.createNativeQuery("select count(*) from meetings m where " + where(filter));
        bind(q, filter);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String where(Filter filter) {
        StringBuilder sql = new StringBuilder(filter.phase().condition);
        if (hasWords(filter)) {
            sql.append(" and m.search @@ to_tsquery('simple', :words)");
        }
        if (filter.from() != null) {
            sql.append(" and m.starts_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and m.starts_at < :to");
        }
        return sql.toString();
    }

    private void bind(Query q, Filter filter) {
        if (filter.phase().condition.contains(":now")) {
            q.setParameter("now", clock.instant());
        }
        if (hasWords(filter)) {
            q.setParameter("words", SearchTerms.prefixQuery(filter.words()));
        }
        if (filter.from() != null) {
            q.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            q.setParameter("to", filter.to());
        }
    }

    private static boolean hasWords(Filter filter) {
        return filter.words() != null && !filter.words().isBlank();
    }

}
