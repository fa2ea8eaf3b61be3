package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.shared.FiredEvents;
import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sending the due reminders against the meeting repository in memory (which picks the due meetings
 * as the database does): to whom a reminder goes, and that it goes once per time the meeting is set.
 */
class MeetingReminderTest {

    private final MeetingWorld world = new MeetingWorld();
    private final FiredEvents<MeetingNews> news = new FiredEvents<>();
    private final MeetingReminder reminder = new MeetingReminder();

    private final User host = world.person("host");
    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final User cid = world.person("cid");

    MeetingReminderTest() {
        reminder.meetings = world.meetings;
        reminder.news = news;
        reminder.clock = world.clock;
    }

    /** A meeting of the host's starting in an hour, reminded {@code minutes} before. */
    private Meeting inAnHour(int minutes) {
        Meeting meeting = world.meeting(host);
        Instant start = world.clock.instant().plus(Duration.ofHours(1));
        meeting.reschedule(new TimeSlot(start, start.plus(Duration.ofHours(1))), meeting.timeZone());
        meeting.remindBefore(minutes);
        return meeting;
    }

    private List<MeetingNews.ReminderDue> sent() {
        return news.fired().stream().map(MeetingNews.ReminderDue.class::cast).toList();
    }

    @Test
    void theReminderGoesToTheHostAndEveryoneInvitedButNotToTheRemovedOrToWalkIns() {
        Meeting meeting = inAnHour(60);
        Participation annInvited = meeting.invite(ann, ann.email(), world.clock.instant()).orElseThrow();
        Participation zedInvited = meeting.invite(null, "zed@outside.org", world.clock.instant()).orElseThrow();
        Participation bobInvited = meeting.invite(bob, bob.email(), world.clock.instant()).orElseThrow();
        meeting.remove(bobInvited, world.clock.instant());
        Participation cidWalkedIn = meeting.enter(cid, world.clock.instant()); // came by the code, never invited

        assertThat(reminder.remindDue()).isOne();

        assertThat(sent()).singleElement().satisfies(r -> {
            assertThat(r.meeting()).isSameAs(meeting);
            assertThat(r.everyone()).containsExactly(world.of(meeting, host), annInvited, zedInvited)
                    .doesNotContain(bobInvited, cidWalkedIn);
        });
        assertThat(meeting.remindedAt()).isEqualTo(world.clock.instant());
    }

    @Test
    void whoDeclinedIsNotRemindedWhoAnsweredMaybeIs() {
        Meeting meeting = inAnHour(60);
        Participation annInvited = meeting.invite(ann, ann.email(), world.clock.instant()).orElseThrow();
        Participation bobInvited = meeting.invite(bob, bob.email(), world.clock.instant()).orElseThrow();
        annInvited.answer(InvitationAnswer.DECLINED, world.clock.instant());
        bobInvited.answer(InvitationAnswer.TENTATIVE, world.clock.instant());

        assertThat(reminder.remindDue()).isOne();

        assertThat(sent()).singleElement().satisfies(r ->
                assertThat(r.everyone()).containsExactly(world.of(meeting, host), bobInvited));
    }

    @Test
    void aReminderGoesOutOnceHoweverOftenTheTimerLooks() {
        Meeting meeting = inAnHour(15);
        world.clock.advance(Duration.ofMinutes(44));
        assertThat(reminder.remindDue()).isZero();
        assertThat(meeting.remindedAt()).isNull();

        world.clock.advance(Duration.ofMinutes(1));
        assertThat(reminder.remindDue()).isOne();
        world.clock.advance(Duration.ofSeconds(15));
        assertThat(reminder.remindDue()).isZero();
        world.clock.advance(Duration.ofMinutes(10));
        assertThat(reminder.remindDue()).isZero();

        assertThat(sent()).hasSize(1);
    }

    @Test
    void aMeetingMovedAfterItsReminderIsRemindedAgainBeforeItsNewStart() {
        Meeting meeting = inAnHour(60);
        assertThat(reminder.remindDue()).isOne();

        Instant later = world.clock.instant().plus(Duration.ofMinutes(30));
        meeting.reschedule(new TimeSlot(later, later.plus(Duration.ofHours(1))), meeting.timeZone());

        assertThat(reminder.remindDue()).isOne();
        assertThat(sent()).extracting(MeetingNews::meeting).containsExactly(meeting, meeting);
        assertThat(reminder.remindDue()).isZero();
    }

    @Test
    void cancelledMeetingsAndMeetingsWithoutAReminderAreNotReminded() {
        Meeting cancelled = inAnHour(60);
        cancelled.cancel();
        inAnHour(0);
        Meeting due = inAnHour(60);

        assertThat(reminder.remindDue()).isOne();

        assertThat(sent()).extracting(MeetingNews::meeting).containsExactly(due);
        assertThat(cancelled.remindedAt()).isNull();
    }
}
