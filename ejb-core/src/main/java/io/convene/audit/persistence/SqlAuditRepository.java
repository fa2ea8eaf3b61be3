package io.convene.audit.persistence;

import io.convene.audit.AuditEntry;
import io.convene.audit.AuditFilter;
import io.convene.audit.AuditRepository;
import io.convene.audit.AuditView;
import io.convene.shared.NativeValues;
import io.convene.shared.SqlLike;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** {@link AuditRepository} in PostgreSQL: entries added by JPA, read by SQL with the actor's address. */
@ApplicationScoped
public class SqlAuditRepository implements AuditRepository {

    private static final String COLUMNS = """
            select a.id, a.at, a.actor_user_id, u.email, a.action, a.meeting_id, a.target, a.target_participation_id,
                   a.detail, a.source_ip, a.outcome
            from audit_entries a left join users u on u.id = a.actor_user_id""";

    @PersistenceContext(unitName = "convene")
    private EntityManager em;

    @Override
    public void add(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public long count(AuditFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return ((Number) bind(em.createNativeQuery("select count(*) from audit_entries a" + where), params)
                .getSingleResult()).longValue();
    }

    @Override
    public List<AuditView> newestFirst(AuditFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(COLUMNS + where + " order by a.id desc"), params)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(SqlAuditRepository::view).toList();
    }

    @Override
    public Stream<AuditView> oldestFirst(AuditFilter filter) {
        List<Object> params = new ArrayList<>();
        Query query = bind(em.createNativeQuery(COLUMNS + where(filter, params) + " order by a.id"), params)
                .setHint("org.hibernate.fetchSize", 1000);
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = query.getResultStream();
        return rows.map(SqlAuditRepository::view);
    }

    private static String where(AuditFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.actor() != null) {
            params.add(f.actor());
            w.append(" and a.actor_user_id = ?").append(params.size());
        }
        if (f.action() != null && !f.action().isBlank()) {
            params.add(SqlLike.literal(f.action()) + "%");
            w.append(" and a.action like ?").append(params.size());
        }
        if (f.target() != null && !f.target().isBlank()) {
            params.add(f.target());
            w.append(" and a.target = ?").append(params.size());
        }
        if (f.meetingId() != null) {
            params.add(f.meetingId());
            w.append(" and a.meeting_id = ?").append(params.size());
        }
        if (f.from() != null) {
            params.add(f.from());
            w.append(" and a.at >= ?").append(params.size());
        }
        if (f.to() != null) {
            params.add(f.to());
            w.append(" and a.at < ?").append(params.size());
        }
        return w.toString();
    }

    private static Query bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static AuditView view(Object[] r) {
        return new AuditView(((Number) r[0]).longValue(), NativeValues.instant(r[1]), (UUID) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], (String) r[6], (UUID) r[7], (String) r[8], (String) r[9], (String) r[10]);
    }
}
