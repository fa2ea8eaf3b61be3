package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingNews;
import io.convene.notification.NoticeKind;
import io.convene.shared.QueueMessages;
import io.convene.shared.UnavailableException;
import io.convene.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting's news for the connected services and webhooks: one message each on the integrations queue, in the change's transaction. */
class AnnouncementsTest {

    private final IntegrationWorld w = new IntegrationWorld();
    private final Announcements announcements = w.announcements;
    private final MeetingAnnouncements observer = new MeetingAnnouncements();
    private final User host = w.world.person("host");
    private final User ann = w.world.person("ann");
    private final Meeting meeting = w.world.meeting(host);

    AnnouncementsTest() {
        observer.announcements = announcements;
    }

    private List<IntegrationDelivery> queued() {
        return w.broker.on(Announcements.QUEUE).stream().map(m -> QueueMessages.read(m, IntegrationDelivery.class)).toList();
    }

    private WebhookEndpoint hook(Announcement.Event... events) {
        WebhookEndpoint e = new WebhookEndpoint("https://93.184.216.34/in", Set.of(events), w.sealing.seal("whsec_x"),
                Instant.now());
        w.webhooks.add(e);
        return e;
    }

    @Test
    void newsGoesToTheChatToolsTheHostsOwnCalendarAndTheWebhooksThatWantIt() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb");
        ServiceConnection teams = w.connected(Provider.TEAMS, null, "{}", "https://93.184.216.34/teams");
        ServiceConnection hostsCalendar = w.connected(Provider.GOOGLE, host, "{\"calendarId\":\"primary\"}", "refresh");
        w.connected(Provider.GOOGLE, ann, "{\"calendarId\":\"primary\"}", "refresh");
        WebhookEndpoint wantsIt = hook(Announcement.Event.SCHEDULED, Announcement.Event.CANCELLED);
        hook(Announcement.Event.STARTED);

        observer.scheduled(new MeetingNews.Scheduled(meeting, List.of()));

        assertThat(w.broker.sent()).hasSize(4).allSatisfy(s -> assertThat(s.persistent()).isTrue());
        assertThat(queued()).allSatisfy(d -> {
            assertThat(d.event()).isEqualTo(Announcement.Event.SCHEDULED);
            assertThat(d.meetingId()).isEqualTo(meeting.id());
            assertThat(d.isDirectMessage()).isFalse();
        });
        assertThat(queued()).extracting(IntegrationDelivery::connectionId).containsExactly(slack.id(), teams.id(),
                hostsCalendar.id(), null);
        assertThat(queued()).extracting(IntegrationDelivery::webhookId).containsExactly(null, null, null, wantsIt.id());
        assertThat(queued()).extracting(IntegrationDelivery::deliveryId).doesNotHaveDuplicates();
    }

    @Test
    void eachKindOfNewsIsItsEventAndAMeetingStartingIsNoneOfTheCalendarsBusiness() {
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb");
        w.connected(Provider.MICROSOFT, host, "{\"userId\":\"host@example.com\"}", null);

        observer.changed(new MeetingNews.Changed(meeting, List.of()));
        observer.cancelled(new MeetingNews.Cancelled(meeting, List.of()));
        observer.started(new MeetingNews.Started(meeting));

        assertThat(queued()).extracting(IntegrationDelivery::event).containsExactly(Announcement.Event.CHANGED,
                Announcement.Event.CHANGED, Announcement.Event.CANCELLED, Announcement.Event.CANCELLED,
                Announcement.Event.STARTED);
        assertThat(queued().get(4).connectionId()).isEqualTo(slack.id());
    }

    @Test
    void withNothingConnectedNothingIsSentAndWithTheBrokerAwayTheChangeIsRefused() {
        hook(Announcement.Event.STARTED);
        announcements.publish(Announcement.Event.SCHEDULED, meeting);
        assertThat(w.broker.sent()).isEmpty();

        w.broker.goAway();
        announcements.publish(Announcement.Event.CHANGED, meeting); // nobody to tell: the broker is not asked
        assertThatThrownBy(() -> announcements.publish(Announcement.Event.STARTED, meeting))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Integrations cannot be told right now (message broker unreachable); nothing was changed, try again");
    }

    @Test
    void notificationsLearnWhetherTheHostsCalendarInvitesAndWhetherSlackIsConnected() {
        assertThat(announcements.invitesThroughHostsCalendar(meeting)).isFalse();
        assertThat(announcements.organisationSlack()).isEmpty();
        w.connected(Provider.GOOGLE, ann, "{}", "refresh");
        assertThat(announcements.invitesThroughHostsCalendar(meeting)).as("a guest's calendar does not invite").isFalse();

        w.connected(Provider.MICROSOFT, host, "{\"userId\":\"host@example.com\"}", null);
        ServiceConnection slack = w.connected(Provider.SLACK, null, "{\"channel\":\"#all\"}", "xoxb");

        assertThat(announcements.invitesThroughHostsCalendar(meeting)).isTrue();
        assertThat(announcements.organisationSlack()).contains(slack.id());
    }

    @Test
    void aSlackDirectMessageOfTheSameNoticeToTheSamePersonIsTheSameDelivery() {
        UUID notice = UUID.randomUUID();
        UUID participation = meeting.participationOf(host).orElseThrow().id();
        UUID slack = UUID.randomUUID();

        announcements.directMessage(notice, NoticeKind.REMINDER, meeting, participation, slack);
        announcements.directMessage(notice, NoticeKind.REMINDER, meeting, participation, slack);
        announcements.directMessage(UUID.randomUUID(), NoticeKind.REMINDER, meeting, participation, slack);

        assertThat(queued()).allSatisfy(d -> {
            assertThat(d.isDirectMessage()).isTrue();
            assertThat(d.notice()).isEqualTo(NoticeKind.REMINDER);
            assertThat(d.participationId()).isEqualTo(participation);
            assertThat(d.connectionId()).isEqualTo(slack);
        });
        assertThat(queued().get(0).deliveryId()).isEqualTo(queued().get(1).deliveryId())
                .isNotEqualTo(queued().get(2).deliveryId());
    }
}
