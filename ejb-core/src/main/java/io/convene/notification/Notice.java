package io.convene.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The message on the notices queue: what happened to which meeting, for whom (participation ids).
 * It carries ids, not copies: deliveries read the meeting as it is when they run. Written and read
 * by {@link io.convene.shared.QueueMessages}.
 */
public record Notice(UUID id, NoticeKind kind, UUID meetingId, List<UUID> participationIds, Instant at) {
}
