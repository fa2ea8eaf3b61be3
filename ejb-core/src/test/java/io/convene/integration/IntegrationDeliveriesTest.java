package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.notification.Channel;
import io.convene.notification.NoticeKind;
import io.convene.shared.Jsons;
import io.convene.shared.QueueMessages;
import io.convene.user.User;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One announcement to one connection or webhook: the meeting as it is now to the provider's port,
 * secrets opened for the call alone, how it went recorded, and nothing sent twice.
 */
class IntegrationDeliveriesTest {

    private final IntegrationWorld w = new IntegrationWorld();
    private final User host = w.world.person("host");
    private final User ann = w.world.person("ann");
    private final Meeting meeting = w.world.live(host, ann);

    /** What the announcement put on the queue, one message per target. */
    private List<String> announced(Announcement.Event event) {
        int before = w.broker.on(Announcements.QUEUE).size();
        w.announcements.publish(event, meeting);
        List<String> all = w.broker.on(Announcements.QUEUE);
        return all.subList(before, all.size());
    }

    private static UUID idOf(String message) {
        return QueueMessages.read(message, IntegrationDelivery.class).deliveryId();
    }

    @Test
    void aChatToolIsToldTheMeetingAsItIsNowWithItsTokenOpenedForTheCall() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb-token");
        String message = announced(Announcement.Event.STARTED).get(0);

        w.deliveries.deliver(message);

        assertThat(w.providers.calls).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("announce");
            assertThat(call.target()).isEqualTo(new Announcement.Target(slack.id(), Provider.SLACK, "{\"channel\":\"#all\"}",
                    "xoxb-token"));
            assertThat(call.target().toString()).doesNotContain("xoxb-token");
        });
        assertThat(w.providers.announcements).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(Announcement.Event.STARTED);
            assertThat(a.meetingId()).isEqualTo(meeting.id());
            assertThat(a.title()).isEqualTo("Weekly");
            assertThat(a.hostName()).isEqualTo("host");
            assertThat(a.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(a.joinUrl()).isEqualTo("https://convene.example/join/" + meeting.code() + "?t=" + meeting.joinToken());
        });
        assertThat(slack.lastSuccessAt()).isEqualTo(MeetingWorld.NOW);
        assertThat(w.connections.wasDelivered(idOf(message))).isTrue();

        w.deliveries.deliver(message);
        assertThat(w.providers.calls).as("a redelivered message is not sent again").hasSize(1);
    }

    @Test
    void aRefusalIsRecordedOnTheConnectionAndRetriedUntilItGoesThrough() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb-token");
        String message = announced(Announcement.Event.STARTED).get(0);
        w.providers.thenFail(new IntegrationFailedException("channel_not_found", null));

        assertThatThrownBy(() -> w.deliveries.deliver(message)).isInstanceOf(IntegrationFailedException.class)
                .hasMessage("channel_not_found");
        assertThat(slack.failing()).isTrue();
        assertThat(slack.lastError()).isEqualTo("channel_not_found");
        assertThat(w.connections.wasDelivered(idOf(message))).isFalse();

        w.world.clock.advance(Duration.ofMinutes(1));
        w.deliveries.deliver(message);
        assertThat(slack.failing()).isFalse();
        assertThat(w.providers.calls).hasSize(2);
    }

    @Test
    void aCallRefusedBeforeConnectingIsRecordedAndNotRetried() {
        ServiceConnection teams = w.connected(Provider.TEAMS, null, "{}", "https://teams.example/webhook");
        String message = announced(Announcement.Event.STARTED).get(0);
        w.providers.thenFail(new OutboundCallRefusedException("Refused before connecting", "teams.example:443 does not resolve"));

        w.deliveries.deliver(message);

        assertThat(teams.lastError()).isEqualTo("Refused before connecting");
        assertThat(teams.failing()).isTrue();
        assertThat(w.connections.wasDelivered(idOf(message))).isFalse();
    }

    @Test
    void aDeliveryWhoseMeetingOrConnectionIsGoneIsDropped() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb-token");
        String message = announced(Announcement.Event.STARTED).get(0);
        w.connections.remove(slack);

        w.deliveries.deliver(message);
        w.deliveries.deliver(QueueMessages.write(IntegrationDelivery.toConnection(UUID.randomUUID(), Announcement.Event.STARTED,
                UUID.randomUUID(), w.connected(Provider.SLACK, null, "{}", "x").id())));

        assertThat(w.providers.calls).isEmpty();
    }

    @Test
    void theHostsCalendarKeepsOneCopyOfTheMeetingThatFollowsItAndIsForgottenWhenGoneThere() {
        ServiceConnection google = w.connected(Provider.GOOGLE, host, "{\"calendarId\":\"primary\"}", "refresh-token");

        w.deliveries.deliver(announced(Announcement.Event.SCHEDULED).get(0));
        w.deliveries.deliver(announced(Announcement.Event.CHANGED).get(0));

        assertThat(w.providers.calls).extracting(RecordingProviders.Call::what).containsExactly("push", "push");
        assertThat(w.providers.calls.get(0).args()).containsExactly((Object) null);
        assertThat(w.providers.calls.get(1).args()).containsExactly("event-1");
        assertThat(w.providers.calls.get(0).target().secret()).isEqualTo("refresh-token");
        assertThat(w.providers.announcements).allSatisfy(a -> {
            assertThat(a.event()).as("a copy is made right, whatever woke it").isEqualTo(Announcement.Event.CHANGED);
            assertThat(a.repeats()).isNull();
            assertThat(a.start()).isEqualTo(meeting.slot().start());
        });
        assertThat(w.copies.externalId(CalendarCopyStore.Of.MEETING, meeting.id(), google.id())).contains("event-1");
        assertThat(google.lastSuccessAt()).isEqualTo(MeetingWorld.NOW);

        w.providers.then(() -> null); // the provider has no copy any more
        w.deliveries.deliver(announced(Announcement.Event.CHANGED).get(0));
        assertThat(w.copies.externalId(CalendarCopyStore.Of.MEETING, meeting.id(), google.id())).isEmpty();
    }

    @Test
    void aSlackDirectMessageTellsTheNoticeWithTheTimeInTheMeetingsZoneAndIsCountedOnce() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb-token");
        UUID annIn = w.world.of(meeting, ann).id();
        w.announcements.directMessage(UUID.randomUUID(), NoticeKind.REMINDER, meeting, annIn, slack.id());
        w.announcements.directMessage(UUID.randomUUID(), NoticeKind.CANCELLED, meeting, annIn, slack.id());
        List<String> messages = w.broker.on(Announcements.QUEUE);

        messages.forEach(w.deliveries::deliver);
        w.deliveries.deliver(messages.get(0));

        assertThat(w.providers.calls).extracting(RecordingProviders.Call::what)
                .containsExactly("slackDirectMessage", "slackDirectMessage");
        assertThat(w.providers.calls.get(0).args()).containsExactly("ann@example.com",
                "Weekly starts soon (Mon 7 Dec 2026, 10:05, Europe/Berlin). Join: https://convene.example/join/"
                        + meeting.code() + "?t=" + meeting.joinToken());
        assertThat(w.providers.calls.get(1).args()).containsExactly("ann@example.com",
                "Weekly was cancelled (Mon 7 Dec 2026, 10:05, Europe/Berlin).");
        assertThat(w.sentCounts.on(LocalDate.of(2026, 12, 7), Channel.SLACK)).isEqualTo(2);
    }

    @Test
    void aWebhookGetsTheMeetingSignedWithItsOwnSecretAndADeliveryThatWentThroughIsNotRepeated() {
        WebhookEndpoint hook = new WebhookEndpoint("https://93.184.216.34/in", Set.of(Announcement.Event.STARTED),
                w.sealing.seal("whsec_abc"), MeetingWorld.NOW);
        w.webhooks.add(hook);
        String message = announced(Announcement.Event.STARTED).get(0);

        w.deliveries.deliver(message);
        w.deliveries.deliver(message);

        assertThat(w.providers.webhookCalls).singleElement().satisfies(call -> {
            assertThat(call.url()).isEqualTo("https://93.184.216.34/in");
            assertThat(call.secret()).isEqualTo("whsec_abc");
            assertThat(call.event()).isEqualTo("meeting.started");
            assertThat(call.deliveryId()).isEqualTo(idOf(message));
            assertThat(call.toString()).doesNotContain("whsec_abc");
            JsonObject body = Jsons.createReader(new StringReader(call.body())).readObject();
            assertThat(body.getString("id")).isEqualTo(idOf(message).toString());
            assertThat(body.getString("event")).isEqualTo("meeting.started");
            JsonObject m = body.getJsonObject("meeting");
            assertThat(m.getString("id")).isEqualTo(meeting.id().toString());
            assertThat(m.getString("code")).isEqualTo(meeting.code());
            assertThat(m.getString("status")).isEqualTo("LIVE");
            assertThat(m.getJsonObject("host").getString("email")).isEqualTo("host@example.com");
        });
        assertThat(w.webhooks.delivered(idOf(message))).isTrue();
    }

    @Test
    void aWebhookRefusedBeforeConnectingIsLoggedAndNotRetried() {
        WebhookEndpoint hook = new WebhookEndpoint("https://hooks.example/in", Set.of(Announcement.Event.STARTED),
                w.sealing.seal("whsec_abc"), MeetingWorld.NOW);
        w.webhooks.add(hook);
        String message = announced(Announcement.Event.STARTED).get(0);
        w.providers.thenFail(new OutboundCallRefusedException("Refused before connecting", "hooks.example:443 resolves to 10.0.0.5"));

        w.deliveries.deliver(message);

        assertThat(w.webhooks.deliveries(hook.id(), 10)).singleElement().satisfies(d -> {
            assertThat(d.lastError()).isEqualTo("Refused before connecting");
            assertThat(d.deliveredAt()).isNull();
        });
    }
}
