package io.convene.user;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whether a person may act now: read from their account on every check, whatever their token says. */
class AccountStandingTest {

    private final MeetingWorld world = new MeetingWorld();
    private final AccountStanding standing = UserPorts.standing(world.users);

    private final User ann = world.person("ann");
    private final User bob = world.person("bob");

    @Test
    void aDeactivationBitesAtOnceAndAReactivationToo() {
        assertThatCode(() -> standing.requireActive(callerOf(ann, Caller.ADMIN))).doesNotThrowAnyException();

        ann.deactivate();
        assertThat(standing.deactivated("sub-ann")).isTrue();
        assertThatThrownBy(() -> standing.requireActive(callerOf(ann, Caller.ADMIN)))
                .isInstanceOf(AccountDeactivatedException.class);

        ann.reactivate();
        assertThatCode(() -> standing.requireActive(callerOf(ann))).doesNotThrowAnyException();
    }

    @Test
    void aSubjectNeverSeenOrNoneAtAllIsNotDeactivated() {
        assertThat(standing.deactivated("sub-stranger")).isFalse();
        assertThat(standing.deactivated(null)).isFalse();
        assertThatCode(() -> standing.requireActive(new Caller("sub-stranger", null, null, Set.of(), null, false)))
                .doesNotThrowAnyException();
        assertThat(world.users.all()).as("checking makes no user").hasSize(2);
    }

    @Test
    void ofManyPeopleOrTheirParticipationsTheDeactivatedOnesAreFound() {
        User host = world.person("host");
        Meeting meeting = world.live(host, ann, bob);
        bob.deactivate();
        UUID guestlike = UUID.randomUUID();

        assertThat(standing.deactivatedUsers(List.of(ann.id(), bob.id(), UUID.randomUUID()))).containsExactly(bob.id());
        assertThat(standing.participationsOfDeactivated(List.of(world.of(meeting, ann).id(), world.of(meeting, bob).id(), guestlike)))
                .containsExactly(world.of(meeting, bob).id());
    }
}
