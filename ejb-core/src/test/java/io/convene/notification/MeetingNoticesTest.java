package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingNews;
import io.convene.meeting.MeetingWorld;
import io.convene.meeting.Participation;
import io.convene.shared.UnavailableException;
import io.convene.user.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A meeting's news become notices on the queue, for the people concerned, and from there reach them. */
class MeetingNoticesTest {

    private final MeetingWorld world = new MeetingWorld();
    private final RecordingBroker broker = new RecordingBroker();
    private final MeetingNotices meetingNotices = new MeetingNotices();

    private final Cast cast = world.castOfThree();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob();
    private final Meeting meeting = cast.meeting();
    private final Participation annIn = world.of(meeting, ann);
    private final Participation bobIn = world.of(meeting, bob);

    MeetingNoticesTest() {
        meetingNotices.notices = broker.notices(world.clock);
    }

    private List<Notice> queued() {
        return broker.noticesSent();
    }

    @Test
    void aScheduledMeetingInvitesThoseInvitedInOnePersistentNotice() {
        meetingNotices.scheduled(new MeetingNews.Scheduled(meeting, List.of(annIn, bobIn)));

        assertThat(broker.sent()).singleElement().satisfies(s -> assertThat(s.persistent()).isTrue());
        assertThat(queued()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.INVITED);
            assertThat(n.meetingId()).isEqualTo(meeting.id());
            assertThat(n.participationIds()).containsExactly(annIn.id(), bobIn.id());
            assertThat(n.at()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void aChangeTellsThoseInvitedBeforeAndInvitesThoseAddedNow() {
        meetingNotices.changed(new MeetingNews.Changed(meeting, List.of(annIn), List.of(bobIn)));
        meetingNotices.changed(new MeetingNews.Changed(meeting, List.of(annIn, bobIn)));

        assertThat(queued()).extracting(Notice::kind, Notice::participationIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeKind.CHANGED, List.of(annIn.id())),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.INVITED, List.of(bobIn.id())),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.CHANGED, List.of(annIn.id(), bobIn.id())));
        assertThat(queued()).extracting(Notice::id).doesNotHaveDuplicates();
    }

    @Test
    void eachKindOfNewsHasItsNoticeAndNewsForNobodySendsNothing() {
        meetingNotices.cancelled(new MeetingNews.Cancelled(meeting, List.of()));
        assertThat(broker.sent()).isEmpty();

        meetingNotices.cancelled(new MeetingNews.Cancelled(meeting, List.of(annIn)));
        meetingNotices.admitted(new MeetingNews.Admitted(meeting, List.of(bobIn)));
        meetingNotices.removed(new MeetingNews.Removed(meeting, annIn));
        meetingNotices.reminderDue(new MeetingNews.ReminderDue(meeting, List.of(annIn, bobIn)));

        assertThat(queued()).extracting(Notice::kind).containsExactly(NoticeKind.CANCELLED, NoticeKind.ADMITTED,
                NoticeKind.REMOVED, NoticeKind.REMINDER);
        assertThat(queued().get(2).participationIds()).containsExactly(annIn.id());
    }

    @Test
    void aBrokerThatIsAwayRefusesTheChangeInWords() {
        broker.goAway();

        assertThatThrownBy(() -> meetingNotices.scheduled(new MeetingNews.Scheduled(meeting, List.of(annIn))))
                .isInstanceOf(UnavailableException.class)
                .hasMessage("Notifications cannot be sent right now (message broker unreachable); nothing was changed, try again");
    }

    @Test
    void theQueuedNoticeReachesTheInvitedInTheAppWhenDelivered() {
        InMemoryInAppNotifications inApp = new InMemoryInAppNotifications();
        Deliveries deliveries = new Deliveries();
        Preferences preferences = new Preferences();
        preferences.choices = new InMemoryNotificationChoices();
        NotificationThrottle throttle = new NotificationThrottle();
        throttle.notifications = inApp;
        throttle.maxPerHour = 20;
        EmailDeliveries emails = new EmailDeliveries();
        emails.mail = new RecordingMailSender(false);
        deliveries.inAppNotifications = inApp;
        deliveries.preferences = preferences;
        deliveries.meetings = world.meetings;
        deliveries.users = world.users;
        deliveries.emails = emails;
        deliveries.throttle = throttle;
        deliveries.counter = SentCounters.of(new InMemorySentCounts(), world.clock);
        deliveries.services = new RecordingConnectedServices();

        meetingNotices.reminderDue(new MeetingNews.ReminderDue(meeting, List.of(annIn, bobIn)));
        queued().forEach(deliveries::deliver);

        assertThat(inApp.all()).extracting(InAppNotification::userId, InAppNotification::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ann.id(), "Weekly starts soon"),
                org.assertj.core.groups.Tuple.tuple(bob.id(), "Weekly starts soon"));
    }
}
