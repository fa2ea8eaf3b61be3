package io.convene.audit;

import java.time.Instant;
import java.util.UUID;

/** One audit entry as administrators and compliance officers read it. */
public record AuditView(long id, Instant at, UUID actorUserId, String actorEmail, String action, UUID meetingId,
                        String target, UUID targetParticipationId, String detail, String sourceIp, String outcome) {
}
