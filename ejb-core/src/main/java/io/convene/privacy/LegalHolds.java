package io.convene.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Legal holds ({@code persistence.SqlLegalHolds} in PostgreSQL), and what a hold keeps beyond the
 * person's own data: the recordings of every meeting someone on hold was in (invited, joined or
 * hosting) or started. Neither a deletion nor retention removes them.
 */
public interface LegalHolds {

    /** Places the hold, or replaces the reason of the one there. */
    void place(UUID userId, String reason, UUID placedBy, Instant at);

    /** Answers whether there was a hold to release. */
    boolean release(UUID userId);

    Optional<PrivacyService.LegalHold> of(UUID userId);

    /** Every hold, the oldest first. */
    List<PrivacyService.LegalHold> all();

    /** The reasons of the holds that keep this recording; empty when none does. */
    List<String> onRecording(UUID recordingId);

    /** Of these recordings, the ones a hold keeps. */
    Set<UUID> keptAmong(Collection<UUID> recordingIds);
}
