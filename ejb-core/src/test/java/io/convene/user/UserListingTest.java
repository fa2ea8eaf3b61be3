package io.convene.user;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import org.junit.jupiter.api.Test;

/** Everyone Convene knows, for administrators only, a bounded window at a time. */
class UserListingTest {

    private final MeetingWorld world = new MeetingWorld();
    private final UserListing listing = new UserListing();

    private final User root = world.person("root");
    private final Caller admin = callerOf(root, Caller.ADMIN);

    UserListingTest() {
        listing.permissions = UserPorts.permissions(world.users);
        listing.users = world.users;
        world.person("cora");
        world.person("ann");
        world.person("bea").deactivate();
    }

    @Test
    void onlyAnActiveAdministratorListsEveryone() {
        Caller officer = callerOf(world.users.bySubject("sub-cora").orElseThrow(), Caller.COMPLIANCE_OFFICER);
        assertThatThrownBy(() -> listing.page(officer, null, null, true, 0, 10))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators list everyone");
        assertThatThrownBy(() -> listing.count(officer, null)).isInstanceOf(AccessDeniedException.class);

        root.deactivate();
        assertThatThrownBy(() -> listing.page(admin, null, null, true, 0, 10)).isInstanceOf(AccountDeactivatedException.class);
    }

    @Test
    void everyoneDeactivatedOrNotIsListedByNameUnlessAnotherOrderIsAsked() {
        assertThat(listing.page(admin, null, null, true, 0, 10)).extracting(UserListing.Row::name)
                .containsExactly("ann", "bea", "cora", "root");
        assertThat(listing.page(admin, null, UserListing.Sort.STATUS, false, 0, 10)).first()
                .satisfies(row -> assertThat(row.status()).isEqualTo(UserStatus.DISABLED));
        assertThat(listing.count(admin, null)).isEqualTo(4);
        assertThat(listing.count(admin, "cor")).isOne();
    }

    @Test
    void aWindowIsAtLeastOneRowAtMostFiveHundredAndNeverBeforeTheFirst() {
        assertThat(listing.page(admin, null, null, true, -5, 0)).extracting(UserListing.Row::name).containsExactly("ann");
        for (int i = 0; i < 600; i++) {
            world.person("p" + i);
        }
        assertThat(listing.page(admin, null, null, true, 0, 10_000)).hasSize(500);
    }
}
