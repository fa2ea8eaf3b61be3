package io.convene.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many notifications went out per day and channel, for administrators: counted as they go, every day shown. */
class SentVolumeTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemorySentCounts counts = new InMemorySentCounts();
    private final SentCounter counter = SentCounters.of(counts, world.clock);
    private final SentVolume volume = new SentVolume();
    private final User admin = world.person("admin");
    private final Caller adminCalls = MeetingWorld.callerOf(admin, Caller.ADMIN);

    SentVolumeTest() {
        volume.permissions = new RolePermissions(world.users);
        volume.counts = counts;
        volume.clock = world.clock;
    }

    @Test
    void everyDayUpToTodayIsShownOldestFirstWithWhatWentOutOnEachChannel() {
        world.clock.advance(Duration.ofDays(-2));
        counter.sent(Channel.EMAIL, 3);
        world.clock.advance(Duration.ofDays(2));
        counter.sent(Channel.IN_APP, 5);
        counter.sent(Channel.IN_APP, 2);
        counter.sent(Channel.SLACK, 1);
        counter.sent(Channel.EMAIL, 0);

        List<SentVolume.Day> days = volume.lastDays(adminCalls, 3);

        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(days).extracting(SentVolume.Day::day).containsExactly(today.minusDays(2), today.minusDays(1), today);
        assertThat(days.get(0).on(Channel.EMAIL)).isEqualTo(3);
        assertThat(days.get(1).sent()).isEmpty();
        assertThat(days.get(1).on(Channel.IN_APP)).isZero();
        assertThat(days.get(2).on(Channel.IN_APP)).isEqualTo(7);
        assertThat(days.get(2).on(Channel.SLACK)).isOne();
        assertThat(days.get(2).on(Channel.EMAIL)).isZero();
    }

    @Test
    void onlyActiveAdministratorsSeeItAndForAtMostAYear() {
        assertThatThrownBy(() -> volume.lastDays(MeetingWorld.callerOf(world.person("ann"), Caller.HOST), 7))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators see the notifications sent");
        assertThatThrownBy(() -> volume.lastDays(adminCalls, 0)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsExactly(new InvalidInputException.FieldError("days", "must be between 1 and 366")));
        assertThatThrownBy(() -> volume.lastDays(adminCalls, 367)).isInstanceOf(InvalidInputException.class);
        assertThat(volume.lastDays(adminCalls, 366)).hasSize(366);

        admin.deactivate();
        assertThatThrownBy(() -> volume.lastDays(adminCalls, 7)).isInstanceOf(AccountDeactivatedException.class);
    }
}
