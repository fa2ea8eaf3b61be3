package io.convene.integration;

import io.convene.notification.NoticeKind;
import java.util.UUID;

/**
 * The message on the integrations queue: one announcement of a meeting's news to one connection
 * or one webhook, or one Slack direct message of a notice (then {@code notice} and
 * {@code participationId} are set, {@code event} is not). Written and read by
 * {@link io.convene.shared.QueueMessages}; the absent parts are left out.
 */
public record IntegrationDelivery(UUID deliveryId, Announcement.Event event, NoticeKind notice, UUID meetingId,
                                  UUID connectionId, UUID webhookId, UUID participationId) {

    static IntegrationDelivery toConnection(UUID deliveryId, Announcement.Event event, UUID meetingId, UUID connectionId) {
        return new IntegrationDelivery(deliveryId, event, null, meetingId, connectionId, null, null);
    }

    static IntegrationDelivery toWebhook(UUID deliveryId, Announcement.Event event, UUID meetingId, UUID webhookId) {
        return new IntegrationDelivery(deliveryId, event, null, meetingId, null, webhookId, null);
    }

    static IntegrationDelivery directMessage(UUID deliveryId, NoticeKind notice, UUID meetingId, UUID participationId,
                                             UUID slackConnection) {
        return new IntegrationDelivery(deliveryId, null, notice, meetingId, slackConnection, null, participationId);
    }

    boolean isDirectMessage() {
        return notice != null;
    }
}
