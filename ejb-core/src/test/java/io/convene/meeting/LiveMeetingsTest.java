package io.convene.meeting;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What administrators see going on now: the live meetings, who is in them, and how many meetings start today. */
class LiveMeetingsTest {

    /** The permission port as the role check answers it (the account's standing is the user context's to test); records what was asked. */
    static final class RolePermissions implements Permissions {

        final List<Permission> asked = new ArrayList<>();

        @Override
        public void require(Caller caller, Permission permission) {
            asked.add(permission);
            permission.requireRole(caller);
        }
    }

    private final MeetingWorld world = new MeetingWorld();
    private final RolePermissions permissions = new RolePermissions();
    private final LiveMeetings liveMeetings = new LiveMeetings();
    private final Caller admin = callerOf(world.person("admin"), Caller.ADMIN);

    LiveMeetingsTest() {
        liveMeetings.permissions = permissions;
        liveMeetings.overview = new InMemoryMeetingOverview(world.meetings);
        liveMeetings.clock = world.clock;
    }

    private Meeting startingAt(User host, String title, Instant start) {
        Meeting m = new Meeting(host, title, null, new TimeSlot(start, start.plus(Duration.ofHours(1))), ZoneId.of("UTC"),
                Long.toString(2_000_000_000L + world.meetings.all().size()), world.clock.instant());
        world.meetings.add(m);
        return m;
    }

    @Test
    void administratorsSeeTheMeetingsWithPeopleInThemFullestFirstAndTheMeetingsOfTheUtcDay() {
        User host = world.person("host");
        User solo = world.person("solo");
        Meeting full = world.live(host, world.person("ann"), world.person("bob"));
        Meeting alone = world.live(solo);
        Meeting emptied = world.live(world.person("gone"));
        emptied.leave(emptied.participations().get(0), world.clock.instant());
        world.meeting(host); // later today, not started
        startingAt(host, "At midnight", Instant.parse("2026-12-07T00:00:00Z"));
        startingAt(host, "Tomorrow", Instant.parse("2026-12-08T00:00:00Z"));
        startingAt(host, "Last night", Instant.parse("2026-12-06T23:59:59Z"));
        startingAt(host, "Called off", Instant.parse("2026-12-07T15:00:00Z")).cancel();
        world.clock.advance(Duration.ofMinutes(3));

        LiveMeetings.Now now = liveMeetings.now(admin);

        assertThat(now.liveMeetings()).isEqualTo(2);
        assertThat(now.participantsNow()).isEqualTo(4);
        assertThat(now.live()).extracting(LiveMeetings.Live::id).containsExactly(full.id(), alone.id());
        assertThat(now.live().get(0).host()).isEqualTo("host");
        assertThat(now.live().get(0).present()).isEqualTo(3);
        assertThat(now.live().get(0).since()).isEqualTo(MeetingWorld.NOW);
        assertThat(now.meetingsToday()).as("the three live ones, the one later today and the one at midnight")
                .isEqualTo(5);
        assertThat(permissions.asked).containsExactly(Permission.SEE_LIVE_MEETINGS);
    }

    @Test
    void onlyAdministratorsSeeEveryMeeting() {
        User host = world.person("host");
        world.live(host);

        assertThatThrownBy(() -> liveMeetings.now(callerOf(host, Caller.HOST, Caller.COMPLIANCE_OFFICER)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators see every meeting");
        assertThat(permissions.asked).containsExactly(Permission.SEE_LIVE_MEETINGS);
    }

    @Test
    void theListShowsTheFullestHundredButTheCountsCountThemAll() {
        Meeting fullest = world.live(world.person("host-0"), world.person("guest-0"));
        for (int i = 1; i <= 100; i++) {
            world.live(world.person("host-" + i));
        }

        LiveMeetings.Now now = liveMeetings.now(admin);

        assertThat(now.liveMeetings()).isEqualTo(101);
        assertThat(now.participantsNow()).isEqualTo(102);
        assertThat(now.live()).hasSize(100);
        assertThat(now.live().get(0).id()).isEqualTo(fullest.id());
    }
}
