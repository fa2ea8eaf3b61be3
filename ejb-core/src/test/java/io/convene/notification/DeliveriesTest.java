package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.QueueMessages;
import io.convene.user.User;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivering a notice: whom it reaches, on which channels, what each person turned off, and the flood guard. */
class DeliveriesTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryInAppNotifications inApp = new InMemoryInAppNotifications();
    private final InMemoryNotificationChoices choices = new InMemoryNotificationChoices();
    private final InMemorySentCounts counts = new InMemorySentCounts();
    private final RecordingBroker broker = new RecordingBroker();
    private final RecordingConnectedServices services = new RecordingConnectedServices();
    private final Preferences preferences = new Preferences();
    private final NotificationThrottle throttle = new NotificationThrottle();
    private final Deliveries deliveries = new Deliveries();

    private final Cast cast = world.cast();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob(), cid = cast.cid();
    private final Meeting meeting = cast.meeting();

    DeliveriesTest() {
        preferences.choices = choices;
        throttle.notifications = inApp;
        throttle.maxPerHour = 20;
        deliveries.inAppNotifications = inApp;
        deliveries.preferences = preferences;
        deliveries.meetings = world.meetings;
        deliveries.users = world.users;
        deliveries.throttle = throttle;
        deliveries.counter = SentCounters.of(counts, world.clock);
        deliveries.services = services;
        mailConfigured(true);
    }

    private void mailConfigured(boolean configured) {
        EmailDeliveries emails = new EmailDeliveries();
        emails.jms = broker.context();
        emails.mail = new RecordingMailSender(configured);
        deliveries.emails = emails;
    }

    private Notice notice(NoticeKind kind, User... to) {
        return new Notice(UUID.randomUUID(), kind, meeting.id(),
                Arrays.stream(to).map(u -> world.of(meeting, u).id()).toList(), world.clock.instant());
    }

    /** Whose participations the e-mails queued so far are for. */
    private List<UUID> mailedTo() {
        return broker.on(EmailDeliveries.QUEUE).stream()
                .map(m -> QueueMessages.read(m, EmailDeliveries.Delivery.class).participationId()).toList();
    }

    private UUID pid(User user) {
        return world.of(meeting, user).id();
    }

    @Test
    void everyoneConcernedHearsInTheAppAndByEmailWhenNothingWasTurnedOff() {
        Notice notice = notice(NoticeKind.INVITED, ann, bob);

        deliveries.deliver(notice);

        assertThat(inApp.all()).extracting(InAppNotification::userId).containsExactlyInAnyOrder(ann.id(), bob.id());
        assertThat(inApp.all()).allSatisfy(n -> {
            assertThat(n.message()).isEqualTo("You are invited to Weekly");
            assertThat(n.kind()).isEqualTo(NoticeKind.INVITED);
            assertThat(n.meetingId()).isEqualTo(meeting.id());
            assertThat(n.sentAt()).isEqualTo(notice.at());
        });
        assertThat(broker.sent()).allSatisfy(s -> assertThat(s.persistent()).isTrue());
        assertThat(broker.on(EmailDeliveries.QUEUE)).map(m -> QueueMessages.read(m, EmailDeliveries.Delivery.class))
                .containsExactlyInAnyOrder(
                        new EmailDeliveries.Delivery(notice.id(), NoticeKind.INVITED, meeting.id(), pid(ann)),
                        new EmailDeliveries.Delivery(notice.id(), NoticeKind.INVITED, meeting.id(), pid(bob)));
        assertThat(counts.on(LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC), Channel.IN_APP)).isEqualTo(2);
        assertThat(services.directMessages).isEmpty();
    }

    @Test
    void aTopicTurnedOffOnAChannelIsLeftOutThereAndNowhereElse() {
        preferences.turnOff(ann.id(), Channel.EMAIL, Topic.CHANGES);
        preferences.turnOff(bob.id(), Channel.IN_APP, Topic.CHANGES);
        preferences.turnOff(cid.id(), Channel.EMAIL, Topic.REMINDERS);

        deliveries.deliver(notice(NoticeKind.CHANGED, ann, bob, cid));

        assertThat(inApp.all()).extracting(InAppNotification::userId).containsExactlyInAnyOrder(ann.id(), cid.id());
        assertThat(mailedTo()).containsExactlyInAnyOrder(pid(bob), pid(cid));
    }

    @Test
    void whatHappensInsideTheMeetingIsNotMailed() {
        deliveries.deliver(notice(NoticeKind.ADMITTED, ann));
        deliveries.deliver(notice(NoticeKind.MENTIONED, bob));

        assertThat(inApp.all()).extracting(InAppNotification::message)
                .containsExactly("You were admitted to Weekly", "You were mentioned in the chat of Weekly");
        assertThat(broker.sent()).isEmpty();
    }

    @Test
    void slackDirectMessagesGoOnlyToThoseWhoAskedForTheTopicAndOnlyOnceSlackIsConnected() {
        preferences.turnOn(ann.id(), Channel.SLACK, Topic.REMINDERS);
        deliveries.deliver(notice(NoticeKind.REMINDER, ann, bob));
        assertThat(services.directMessages).as("Slack is not connected").isEmpty();

        UUID slack = UUID.randomUUID();
        services.slack = slack;
        Notice reminder = notice(NoticeKind.REMINDER, ann, bob);
        deliveries.deliver(reminder);
        deliveries.deliver(notice(NoticeKind.CHANGED, ann, bob));

        assertThat(services.directMessages).containsExactly(new RecordingConnectedServices.DirectMessage(reminder.id(),
                NoticeKind.REMINDER, meeting.id(), pid(ann), slack));
        assertThat(inApp.of(ann.id())).hasSize(3);
    }

    @Test
    void invitationsGoOutFromTheHostsOwnCalendarInsteadOfByMailButRemindersStillAreMailed() {
        services.hostsWithCalendar.add(host.id());

        deliveries.deliver(notice(NoticeKind.INVITED, ann));
        deliveries.deliver(notice(NoticeKind.CHANGED, ann));
        deliveries.deliver(notice(NoticeKind.CANCELLED, ann));
        assertThat(broker.sent()).isEmpty();
        assertThat(inApp.of(ann.id())).hasSize(3);

        deliveries.deliver(notice(NoticeKind.REMINDER, ann));
        assertThat(mailedTo()).containsExactly(pid(ann));
    }

    @Test
    void withoutAMailServerNothingIsQueuedForMailButTheAppStillTells() {
        mailConfigured(false);

        deliveries.deliver(notice(NoticeKind.INVITED, ann));

        assertThat(broker.sent()).isEmpty();
        assertThat(inApp.of(ann.id())).hasSize(1);
    }

    @Test
    void aFloodOfRemindersIsHeldBackPerPersonForAnHourWhileChangesAlwaysGetThrough() {
        throttle.maxPerHour = 2;
        deliveries.deliver(notice(NoticeKind.REMINDER, ann));
        world.clock.advance(Duration.ofMinutes(10));
        deliveries.deliver(notice(NoticeKind.MENTIONED, ann, bob));
        world.clock.advance(Duration.ofMinutes(10));
        int mailsBefore = broker.on(EmailDeliveries.QUEUE).size();

        deliveries.deliver(notice(NoticeKind.REMINDER, ann, bob));
        deliveries.deliver(notice(NoticeKind.CHANGED, ann));

        assertThat(inApp.of(ann.id())).extracting(InAppNotification::kind)
                .containsExactly(NoticeKind.REMINDER, NoticeKind.MENTIONED, NoticeKind.CHANGED);
        assertThat(inApp.of(bob.id())).extracting(InAppNotification::kind).containsExactly(NoticeKind.MENTIONED,
                NoticeKind.REMINDER);
        assertThat(mailedTo().subList(mailsBefore, mailedTo().size())).as("the held-back reminder is not mailed either")
                .containsExactly(pid(bob), pid(ann));

        world.clock.advance(Duration.ofMinutes(41)); // the first reminder is now more than an hour old
        deliveries.deliver(notice(NoticeKind.REMINDER, ann));
        assertThat(inApp.of(ann.id())).hasSize(4);
    }

    @Test
    void aRedeliveredNoticeIsStoredAndCountedOnce() {
        Notice notice = notice(NoticeKind.ADMITTED, ann, bob);

        deliveries.deliver(notice);
        deliveries.deliver(notice);

        assertThat(inApp.all()).hasSize(2);
        assertThat(counts.on(LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC), Channel.IN_APP)).isEqualTo(2);
    }

    @Test
    void aNoticeOfAMeetingThatIsGoneReachesNobody() {
        deliveries.deliver(new Notice(UUID.randomUUID(), NoticeKind.INVITED, UUID.randomUUID(), List.of(pid(ann)),
                world.clock.instant()));

        assertThat(inApp.all()).isEmpty();
        assertThat(broker.sent()).isEmpty();
    }
}
