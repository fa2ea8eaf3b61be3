package io.convene.audit;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The audit trail kept in a list, for unit tests: the same answers as {@code persistence.SqlAuditRepository}
 * (ids in the order entries came, the action filter a prefix, {@code to} exclusive, the actor's address
 * joined in from the people). An entry's fields are read as the JPA provider reads them: from the fields
 * (the entity has no getters; the trail is written, then only read as {@link AuditView}s).
 */
public final class InMemoryAuditRepository implements AuditRepository {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final Function<UUID, String> emailOf;

    /** Without people: entries read back with no actor address. */
    public InMemoryAuditRepository() {
        this(id -> null);
    }

    /** @param emailOf the address of a user id as the users table has it (null: none) */
    public InMemoryAuditRepository(Function<UUID, String> emailOf) {
        this.emailOf = emailOf;
    }

    /** What the trail keeps of an administrator's or compliance officer's action, as tests compare it. */
    public record Audited(UUID actor, String action, String target, String detail) {
    }

    /** Every entry as {@link Audited}, oldest first. */
    public List<Audited> audited() {
        return views().map(v -> new Audited(v.actorUserId(), v.action(), v.target(), v.detail())).toList();
    }

    /** Every entry, oldest first. */
    public List<AuditView> all() {
        return views().toList();
    }

    /** The entries with this action, oldest first. */
    public List<AuditView> withAction(AuditAction action) {
        return views().filter(v -> v.action().equals(action.code())).toList();
    }

    /** Forgets the entries kept so far (a test's arrangement that is not what it checks). */
    public void clear() {
        entries.clear();
    }

    @Override
    public void add(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public long count(AuditFilter filter) {
        return matching(filter).count();
    }

    @Override
    public List<AuditView> newestFirst(AuditFilter filter, int page, int size) {
        return matching(filter).sorted(Comparator.comparingLong(AuditView::id).reversed())
                .skip((long) page * size).limit(size).toList();
    }

    @Override
    public Stream<AuditView> oldestFirst(AuditFilter filter) {
        return matching(filter);
    }

    private Stream<AuditView> matching(AuditFilter f) {
        return views().filter(v -> f.actor() == null || f.actor().equals(v.actorUserId()))
                .filter(v -> f.action() == null || f.action().isBlank() || v.action().startsWith(f.action()))
                .filter(v -> f.target() == null || f.target().isBlank() || f.target().equals(v.target()))
                .filter(v -> f.meetingId() == null || f.meetingId().equals(v.meetingId()))
                .filter(v -> f.from() == null || !v.at().isBefore(f.from()))
                .filter(v -> f.to() == null || v.at().isBefore(f.to()));
    }

    private Stream<AuditView> views() {
        List<AuditView> views = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            UUID actor = read(e, "actorUserId");
            views.add(new AuditView(i + 1, read(e, "at"), actor, actor == null ? null : emailOf.apply(actor),
                    read(e, "action"), read(e, "meetingId"), read(e, "target"), read(e, "targetParticipationId"),
                    read(e, "detail"), read(e, "sourceIp"), read(e, "outcome")));
        }
        return views.stream();
    }

    // A fake repository reads the entity's private fields as JPA does: AuditEntry has no accessors.
    @SuppressWarnings("unchecked")
    private static <T> T read(AuditEntry entry, String field) {
        try {
            Field f = AuditEntry.class.getDeclaredField(field);
            f.setAccessible(true);
            return (T) f.get(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AuditEntry has no field " + field, e);
        }
    }
}
