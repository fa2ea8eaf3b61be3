package io.convene.audit;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.NativeValues;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reading the audit trail: administrators and compliance officers, newest first, a page at a time,
 * or all of it as CSV streamed row by row. Reading it for export is itself recorded.
 */
@Stateless
public class AuditQuery {

    @Inject
    Permissions permissions;

    private static final String COLUMNS = """
            select a.id, a.at, a.actor_user_id, u.email, a.action, a.meeting_id, a.target, a.target_participation_id,
                   a.detail, a.source_ip, a.outcome
            from audit_entries a left join users u on u.id = a.actor_user_id""";

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    AuditedPeople people;

    @Inject
    AuditTrail trail;

    public Page<AuditView> search(Caller caller, AuditFilter filter, int page, int size) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "page must be 0 or more and size between 1 and 500");
        }
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Number total = (Number) bind(em.createNativeQuery("select count(*) from audit_entries a" + where), params)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(COLUMNS + where + " order by a.id desc"), params)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(rows.stream().map(AuditQuery::view).toList(), page, size, total.longValue());
    }

    /** Records that the caller exports the trail with this filter (before the rows are written). */
    public void exporting(Caller caller, AuditFilter filter) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        trail.action(caller, AuditAction.AUDIT_EXPORTED, null, describe(filter));
    }

    /** Writes the matching entries as CSV, oldest first, without holding them in memory. */
    public void exportCsv(Caller caller, AuditFilter filter, Writer out) {
        permissions.require(caller, Permission.READ_AUDIT_TRAIL);
        List<Object> params = new ArrayList<>();
        Query query = bind(em.createNativeQuery(COLUMNS + where(filter, params) + " order by a.id"), params)
                .setHint("org.hibernate.fetchSize", 1000);
        try {
            out.write("id,at,actor_user_id,actor_email,action,meeting_id,target,target_participation_id,detail,source_ip,outcome\n");
            @SuppressWarnings("unchecked")
            Stream<Object[]> rows = query.getResultStream();
            try (rows) {
                for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                    AuditView v = view(r);
                    out.write(String.join(",", String.valueOf(v.id()), csv(v.at()), csv(v.actorUserId()), csv(v.actorEmail()),
                            csv(v.action()), csv(v.meetingId()), csv(v.target()), csv(v.targetParticipationId()),
                            csv(v.detail()), csv(v.sourceIp()), csv(v.outcome())));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(AuditFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.actor() != null) {
            params.add(f.actor());
            w.append(" and a.actor_user_id = ?").append(params.size());
        }
        if (f.action() != null && !f.action().isBlank()) {
            params.add(f.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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

    static String csv(Object value) {
        return io.convene.shared.Csv.cell(value);
    }

    private static String describe(AuditFilter f) {
        return "filter: actor=" + f.actor() + " action=" + f.action() + " target=" + f.target() + " meeting=" + f.meetingId()
                + " from=" + f.from() + " to=" + f.to();
    }

}
