package io.convene.user;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.shared.Caller;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
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

    public record Row(UUID id, String subject, String name, String email, UserStatus status, String department,
                      String directory, Instant createdAt) {
    }

    @jakarta.inject.Inject
    UserRepository users;

    public List<Row> page(Caller caller, String search, Sort sort, boolean ascending, int offset, int limit) {
        permissions.require(caller, Permission.LIST_EVERYONE);
        return users.list(search, sort == null ? Sort.NAME : sort, ascending, Math.max(0, offset),
                Math.max(1, Math.min(500, limit)));
    }

    public long count(Caller caller, String search) {
        permissions.require(caller, Permission.LIST_EVERYONE);
        return users.count(search);
    }
}
