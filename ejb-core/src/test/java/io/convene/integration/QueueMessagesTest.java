package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.notification.EmailDeliveries;
import io.convene.notification.Notice;
import io.convene.notification.NoticeKind;
import io.convene.shared.Jsons;
import io.convene.shared.QueueMessages;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every queue's message through the one codec: written, read back, and read as earlier versions wrote it. */
class QueueMessagesTest {

    private static final UUID MEETING = UUID.fromString("0b6f4d8e-3f5a-4c1e-9a57-0e4b3f2a1c11");
    private static final UUID PERSON = UUID.fromString("7d2c9a10-5b3e-4f8a-b1c2-3d4e5f6a7b8c");

    @Test
    void aNoticeComesBackAsItWent() {
        Notice notice = new Notice(UUID.randomUUID(), NoticeKind.CHANGED, MEETING, List.of(PERSON, UUID.randomUUID()),
                Instant.parse("2026-12-06T10:15:30.123456Z"));

        assertThat(QueueMessages.read(QueueMessages.write(notice), Notice.class)).isEqualTo(notice);
    }

    @Test
    void aNoticeQueuedByTheEarlierVersionIsRead() {
        String queued = "{\"id\":\"5f0c3a2e-1d4b-4e6f-8a9b-0c1d2e3f4a5b\",\"kind\":\"INVITED\",\"meetingId\":\"" + MEETING
                + "\",\"participationIds\":[\"" + PERSON + "\"],\"at\":\"2026-12-01T09:00:00.5Z\"}";

        Notice notice = QueueMessages.read(queued, Notice.class);

        assertThat(notice).isEqualTo(new Notice(UUID.fromString("5f0c3a2e-1d4b-4e6f-8a9b-0c1d2e3f4a5b"), NoticeKind.INVITED,
                MEETING, List.of(PERSON), Instant.parse("2026-12-01T09:00:00.5Z")));
    }

    @Test
    void anEmailDeliveryComesBackAsItWent() {
        EmailDeliveries.Delivery delivery = new EmailDeliveries.Delivery(UUID.randomUUID(), NoticeKind.CANCELLED, MEETING, PERSON);

        assertThat(QueueMessages.read(QueueMessages.write(delivery), EmailDeliveries.Delivery.class)).isEqualTo(delivery);
    }

    @Test
    void aWebhookDeliveryLeavesOutWhatItHasNot() {
        UUID webhook = UUID.randomUUID();
        IntegrationDelivery delivery = IntegrationDelivery.toWebhook(UUID.randomUUID(), Announcement.Event.values()[0], MEETING, webhook);

        String written = QueueMessages.write(delivery);
        JsonObject json = Jsons.createReader(new StringReader(written)).readObject();

        assertThat(json.keySet()).containsExactlyInAnyOrder("deliveryId", "event", "meetingId", "webhookId");
        assertThat(json.getString("webhookId")).isEqualTo(webhook.toString());
        assertThat(QueueMessages.read(written, IntegrationDelivery.class)).isEqualTo(delivery);
        assertThat(delivery.isDirectMessage()).isFalse();
    }

    @Test
    void aSlackDirectMessageQueuedByTheEarlierVersionIsRead() {
        UUID slack = UUID.randomUUID();
        String queued = "{\"deliveryId\":\"" + UUID.nameUUIDFromBytes("n/p".getBytes()) + "\",\"notice\":\"REMINDER\",\"meetingId\":\""
                + MEETING + "\",\"participationId\":\"" + PERSON + "\",\"connectionId\":\"" + slack + "\"}";

        IntegrationDelivery delivery = QueueMessages.read(queued, IntegrationDelivery.class);

        assertThat(delivery.isDirectMessage()).isTrue();
        assertThat(delivery.notice()).isEqualTo(NoticeKind.REMINDER);
        assertThat(delivery).extracting(IntegrationDelivery::meetingId, IntegrationDelivery::participationId,
                IntegrationDelivery::connectionId, IntegrationDelivery::event).containsExactly(MEETING, PERSON, slack, null);
    }

    @Test
    void textThatIsNoSuchMessageIsRefusedInWords() {
        assertThatThrownBy(() -> QueueMessages.read("not json", Notice.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a Notice");
    }
}
