package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** At most so many non-urgent notifications per person and sliding hour; invitations and changes always. */
class NotificationThrottleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final InMemoryInAppNotifications inApp = new InMemoryInAppNotifications();
    private final NotificationThrottle throttle = new NotificationThrottle();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    NotificationThrottleTest() {
        throttle.notifications = inApp;
        throttle.maxPerHour = 3;
    }

    private void sent(UUID to, NoticeKind kind, Duration ago) {
        inApp.add(to, kind, UUID.randomUUID(), "told", NOW.minus(ago));
    }

    @Test
    void reachingTheLimitHoldsBackRemindersAndMentionsButNotInvitationsOrChanges() {
        sent(ann, NoticeKind.REMINDER, Duration.ofMinutes(50));
        sent(ann, NoticeKind.MENTIONED, Duration.ofMinutes(20));
        assertThat(throttle.allows(NoticeKind.REMINDER, ann, NOW)).isTrue();

        sent(ann, NoticeKind.MENTIONED, Duration.ofMinutes(1));

        assertThat(throttle.allows(NoticeKind.REMINDER, ann, NOW)).isFalse();
        assertThat(throttle.allows(NoticeKind.MENTIONED, ann, NOW)).isFalse();
        for (NoticeKind urgent : new NoticeKind[] {NoticeKind.INVITED, NoticeKind.CHANGED, NoticeKind.CANCELLED,
                NoticeKind.ADMITTED, NoticeKind.REMOVED, NoticeKind.RECORDING_READY}) {
            assertThat(throttle.allows(urgent, ann, NOW)).as(urgent.name()).isTrue();
        }
        assertThat(throttle.allows(NoticeKind.REMINDER, bob, NOW)).as("counted per person").isTrue();
    }

    @Test
    void onlyNonUrgentNotificationsOfTheLastHourCount() {
        sent(ann, NoticeKind.REMINDER, Duration.ofMinutes(61));
        sent(ann, NoticeKind.REMINDER, Duration.ofMinutes(60));
        for (int i = 0; i < 10; i++) {
            sent(ann, NoticeKind.CHANGED, Duration.ofMinutes(i));
        }
        sent(ann, NoticeKind.MENTIONED, Duration.ofMinutes(5));
        sent(ann, NoticeKind.MENTIONED, Duration.ofMinutes(4));

        assertThat(throttle.allows(NoticeKind.REMINDER, ann, NOW)).isTrue();
        assertThat(throttle.allows(NoticeKind.REMINDER, ann, NOW.minusSeconds(1))).as("a second earlier, the hour held three")
                .isFalse();
    }
}
