package io.convene.user;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.Caller;
import io.convene.shared.NativeValues;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everyone Convene knows, a window at a time, for administrators: filtered by a piece of name or
 * address (the trigram indexes serve {@code ilike '%...%'}), sorted by a column, counted. Built to
 * page through 100,000 people without reading them all.
 */
@Stateless
public class UserListing {

    @jakarta.inject.Inject
    Permissions permissions;

    public enum Sort { NAME, EMAIL, DEPARTMENT, STATUS, CREATED }

    private static final Map<Sort, String> COLUMNS = Map.of(Sort.NAME, "lower(u.name)", Sort.EMAIL, "u.email",
            Sort.DEPARTMENT, "u.department", Sort.STATUS, "u.status", Sort.CREATED, "u.created_at");

    public record Row(UUID id, String subject, String name, String email, UserStatus status, String department,
                      String directory, Instant createdAt) {
    }

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    public List<Row> page(Caller caller, String search, Sort sort, boolean ascending, int offset, int limit) {
        permissions.require(caller, Permission.LIST_EVERYONE);
        Query q = em.createNativeQuery("""
                        select u.id, u.subject, u.name, u.email, u.status, u.department, d.name, u.created_at
                        from users u left join directories d on d.id = u.directory_id
                        where %s
                        order by %s %s nulls last, u.id
                        offset ?2 limit ?3""".formatted(filter(search), COLUMNS.get(sort == null ? Sort.NAME : sort),
                        ascending ? "asc" : "desc"))
                .setParameter(2, Math.max(0, offset)).setParameter(3, Math.max(1, Math.min(500, limit)));
        bind(q, search);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                UserStatus.valueOf((String) r[4]), (String) r[5], (String) r[6], NativeValues.instant(r[7]))).toList();
    }

    public long count(Caller caller, String search) {
        permissions.require(caller, Permission.LIST_EVERYONE);
        Query q = em.createNativeQuery("select count(*) from users u where " + filter(search));
        bind(q, search);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static String filter(String search) {
        return search == null || search.isBlank() ? "cast(?1 as text) is null"
                : "(lower(u.name) like ?1 escape '\\' or u.email like ?1 escape '\\')";
    }

    private static void bind(Query q, String search) {
        q.setParameter(1, search == null || search.isBlank() ? null
                : "%" + search.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

}
