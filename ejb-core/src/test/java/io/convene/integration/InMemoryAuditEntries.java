package io.convene.integration;

import io.convene.audit.AuditEntry;
import io.convene.audit.AuditFilter;
import io.convene.audit.AuditRepository;
import io.convene.audit.AuditView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The audit trail's repository for unit tests of this context: keeps the entries added, to be read back. */
final class InMemoryAuditEntries implements AuditRepository {

    /** An entry as the test reads it. */
    record Entry(UUID actor, String action, String target, String detail) {
    }

    private final List<AuditEntry> added = new ArrayList<>();

    List<Entry> entries() {
        return added.stream().map(e -> new Entry((UUID) Wiring.read(e, "actorUserId"), (String) Wiring.read(e, "action"),
                (String) Wiring.read(e, "target"), (String) Wiring.read(e, "detail"))).toList();
    }

    @Override
    public void add(AuditEntry entry) {
        added.add(entry);
    }

    @Override
    public long count(AuditFilter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditView> newestFirst(AuditFilter filter, int page, int size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Stream<AuditView> oldestFirst(AuditFilter filter) {
        throw new UnsupportedOperationException();
    }
}
