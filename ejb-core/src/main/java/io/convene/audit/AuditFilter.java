package io.convene.audit;

import java.time.Instant;
import java.util.UUID;

/** Which entries: each part optional; {@code action} matches a prefix ("directory." finds all directory actions). */
public record AuditFilter(UUID actor, String action, String target, UUID meetingId, Instant from, Instant to) {
}
