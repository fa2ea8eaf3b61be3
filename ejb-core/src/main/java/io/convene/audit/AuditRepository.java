package io.convene.audit;

import java.util.List;
import java.util.stream.Stream;

/** Where the audit trail is kept ({@code persistence.SqlAuditRepository} in PostgreSQL). Entries are only ever added. */
public interface AuditRepository {

    void add(AuditEntry entry);

    /** How many entries match. */
    long count(AuditFilter filter);

    /** One page of the matching entries, newest first. */
    List<AuditView> newestFirst(AuditFilter filter, int page, int size);

    /** All matching entries, oldest first, read as they are consumed; the caller closes the stream. */
    Stream<AuditView> oldestFirst(AuditFilter filter);
}
