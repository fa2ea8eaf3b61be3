package io.convene.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where exports and erasures are recorded ({@code persistence.JpaPrivacyRequestRepository} in PostgreSQL). */
public interface PrivacyRequestRepository {

    void add(PrivacyRequest request);

    Optional<PrivacyRequest> byId(UUID id);

    /** Anyone's latest requests, newest first. */
    List<PrivacyRequest> recent(int max);

    /** A person's latest exports, newest first. */
    List<PrivacyRequest> exportsOf(UUID subjectId, int max);

    /** A person's exports whose file is still in the blob store. */
    List<PrivacyRequest> storedExportsOf(UUID subjectId);

    /** Marks the export running if it is queued; answers whether it was. */
    boolean claim(UUID id);

    /** Exports whose file's day is over, locked until the transaction ends. */
    List<PrivacyRequest> expiredExports(Instant now);

    /** Exports queued before this instant that nobody started. */
    List<UUID> queuedBefore(Instant before);
}
