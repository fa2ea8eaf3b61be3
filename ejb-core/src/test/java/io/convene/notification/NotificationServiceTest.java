package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.Page;
import io.convene.user.User;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One's own notifications (reading, marking read, following live) and what one wants to be told where. */
class NotificationServiceTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryInAppNotifications inApp = new InMemoryInAppNotifications();
    private final InMemoryNotificationChoices choices = new InMemoryNotificationChoices();
    private final Preferences preferences = new Preferences();
    private final NotificationService service = new NotificationService();

    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final Caller annCalls = MeetingWorld.callerOf(ann);
    private final UUID meetingId = UUID.randomUUID();

    NotificationServiceTest() {
        preferences.choices = choices;
        service.notifications = inApp;
        service.users = world.userService;
        service.accounts = world.users;
        service.preferences = preferences;
        service.clock = world.clock;
    }

    private InAppNotification told(User to, String message, Duration ago) {
        return inApp.add(to.id(), NoticeKind.CHANGED, meetingId, message, world.clock.instant().minus(ago));
    }

    @Test
    void oneSeesOnlyOnesOwnNotificationsNewestFirstAPageAtATime() {
        told(ann, "first", Duration.ofHours(3));
        told(bob, "bob's", Duration.ofHours(2));
        told(ann, "second", Duration.ofHours(2));
        told(ann, "third", Duration.ofHours(1));

        Page<NotificationView> page = service.list(annCalls, false, 0, 2);
        Page<NotificationView> next = service.list(annCalls, false, 1, 2);

        assertThat(page.items()).extracting(NotificationView::message).containsExactly("third", "second");
        assertThat(page.total()).isEqualTo(3);
        assertThat(next.items()).extracting(NotificationView::message).containsExactly("first");
        assertThat(page.items()).allSatisfy(v -> assertThat(v.read()).isFalse());
    }

    @Test
    void markingOneReadKeepsWhenItWasFirstReadAndLeavesItOutOfTheUnread() {
        InAppNotification first = told(ann, "first", Duration.ofHours(2));
        told(ann, "second", Duration.ofHours(1));

        NotificationView read = service.markRead(annCalls, first.id());
        world.clock.advance(Duration.ofMinutes(5));
        service.markRead(annCalls, first.id());

        assertThat(read.read()).isTrue();
        assertThat(first.readAt()).isEqualTo(MeetingWorld.NOW);
        assertThat(service.list(annCalls, true, 0, 10).items()).extracting(NotificationView::message)
                .containsExactly("second");
        assertThat(service.listen(annCalls).unread()).isOne();
    }

    @Test
    void someoneElsesNotificationIsNotFoundAndStaysUnread() {
        InAppNotification bobs = told(bob, "bob's", Duration.ofHours(1));

        assertThatThrownBy(() -> service.markRead(annCalls, bobs.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("No such notification");
        assertThatThrownBy(() -> service.markRead(annCalls, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(bobs.readAt()).isNull();
    }

    @Test
    void markingAllReadAnswersHowManyWereUnreadAndTouchesNobodyElse() {
        told(ann, "first", Duration.ofHours(2));
        InAppNotification second = told(ann, "second", Duration.ofHours(1));
        told(bob, "bob's", Duration.ofHours(1));
        service.markRead(annCalls, second.id());

        assertThat(service.markAllRead(annCalls)).isOne();
        assertThat(service.markAllRead(annCalls)).isZero();
        assertThat(inApp.of(bob.id())).allSatisfy(n -> assertThat(n.readAt()).isNull());
    }

    @Test
    void aListenerHearsHowFarTheyAreAndThenWhatCameAfterOldestFirst() {
        told(ann, "before", Duration.ofHours(2));
        NotificationService.Listener listener = service.listen(annCalls);
        told(bob, "bob's", Duration.ZERO);
        told(ann, "after 1", Duration.ZERO);
        told(ann, "after 2", Duration.ZERO);

        assertThat(listener.userId()).isEqualTo(ann.id());
        assertThat(listener.unread()).isOne();
        assertThat(service.after(ann.id(), listener.position())).extracting(NotificationView::message)
                .containsExactly("after 1", "after 2");
        assertThat(service.listen(annCalls).position()).isGreaterThan(listener.position());
    }

    @Test
    void inAppAndEmailAreOnAndSlackOffUntilChosenOtherwise() {
        Map<Channel, Set<Topic>> defaults = service.subscriptions(annCalls);

        assertThat(defaults).containsEntry(Channel.IN_APP, EnumSet.allOf(Topic.class))
                .containsEntry(Channel.EMAIL, EnumSet.allOf(Topic.class)).containsEntry(Channel.SLACK, Set.of());
    }

    @Test
    void turningTopicsOnAndOffPerChannelIsKeptForTheCallerAlone() {
        service.unsubscribe(annCalls, Channel.EMAIL, Topic.REMINDERS);
        Map<Channel, Set<Topic>> now = service.subscribe(annCalls, Channel.SLACK, Topic.CHAT_MENTIONS);

        assertThat(now.get(Channel.EMAIL)).containsExactlyInAnyOrder(Topic.CHANGES, Topic.CHAT_MENTIONS);
        assertThat(now.get(Channel.SLACK)).containsExactly(Topic.CHAT_MENTIONS);
        assertThat(now.get(Channel.IN_APP)).isEqualTo(EnumSet.allOf(Topic.class));
        assertThat(preferences.wants(ann.id(), Channel.EMAIL, Topic.REMINDERS)).isFalse();
        assertThat(preferences.wants(bob.id(), Channel.EMAIL, Topic.REMINDERS)).isTrue();
        assertThat(service.subscriptions(MeetingWorld.callerOf(bob)).get(Channel.SLACK)).isEmpty();

        Map<Channel, Set<Topic>> back = service.subscribe(annCalls, Channel.EMAIL, Topic.REMINDERS);
        assertThat(back.get(Channel.EMAIL)).isEqualTo(EnumSet.allOf(Topic.class));
        assertThat(choices.all()).extracting(NotificationChoices.Choice::userId).containsOnly(ann.id());
        assertThat(choices.all()).hasSize(2);
    }

    @Test
    void someoneSeenForTheFirstTimeHasNoNotificationsYet() {
        User newcomer = new User("sub-new", "new", "new@example.com", java.time.ZoneId.of("UTC"), world.clock.instant(), true);

        Page<NotificationView> page = service.list(MeetingWorld.callerOf(newcomer), false, 0, 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(world.users.bySubject("sub-new")).isPresent();
        assertThat(service.listen(MeetingWorld.callerOf(newcomer)).position()).isZero();
    }

    @Test
    void aDeactivatedAccountNoLongerReadsItsNotifications() {
        told(ann, "first", Duration.ofHours(1));
        ann.deactivate();

        assertThatThrownBy(() -> service.list(annCalls, false, 0, 10))
                .isInstanceOf(io.convene.shared.AccountDeactivatedException.class);
        assertThatThrownBy(() -> service.markAllRead(annCalls))
                .isInstanceOf(io.convene.shared.AccountDeactivatedException.class);
        assertThat(inApp.of(ann.id())).allSatisfy(n -> assertThat(n.readAt()).isNull());
    }
}
