package io.convene.search;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.MeetingWorld;
import io.convene.search.SearchService.MeetingHit;
import io.convene.search.SearchService.MessageHit;
import io.convene.search.SearchService.PersonHit;
import io.convene.shared.AccountDeactivatedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Search within what the caller may see: people, meetings and chat, with what they typed made safe. */
class SearchServiceTest {

    private static final Instant NOW = MeetingWorld.NOW;

    private final MeetingWorld world = new MeetingWorld();
    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final SearchService search = new SearchService();

    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final User admin = world.person("admin");
    private final User officer = world.person("officer");

    private final MeetingHit annsReview = new MeetingHit(UUID.randomUUID(), "Quarterly revenue review", NOW,
            NOW.plus(Duration.ofHours(1)), "SCHEDULED", "ann");
    private final MeetingHit bobsReview = new MeetingHit(UUID.randomUUID(), "Quarterly revenue forecast",
            NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), "SCHEDULED", "bob");
    private final MeetingHit retro = new MeetingHit(UUID.randomUUID(), "Sprint retro", NOW.plus(Duration.ofDays(2)),
            NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), "SCHEDULED", "ann");

    SearchServiceTest() {
        search.index = index;
        search.users = world.userService;
        index.people.add(new PersonHit(ann.id(), "Ann Archer", "ann@example.com", "Sales", true));
        index.people.add(new PersonHit(UUID.randomUUID(), "Anders Gone", "anders@example.com", "Sales", false));
        index.meetings.add(new InMemorySearchIndex.IndexedMeeting(annsReview, Set.of(ann.id()), Set.of("ann@example.com")));
        index.meetings.add(new InMemorySearchIndex.IndexedMeeting(bobsReview, Set.of(bob.id()),
                Set.of("bob@example.com", "cid@example.com")));
        index.meetings.add(new InMemorySearchIndex.IndexedMeeting(retro, Set.of(ann.id(), bob.id()), Set.of("ann@example.com")));
    }

    @Test
    void everyoneFindsActiveColleaguesAndOnlyComplianceOfficersAndAdministratorsFindLeaversToo() {
        assertThat(search.people(callerOf(bob), "  AN ", 10)).extracting(PersonHit::name).containsExactly("Ann Archer");
        assertThat(index.asked).containsExactly(new InMemorySearchIndex.PeopleAsked("an", false, 10));

        assertThat(search.people(callerOf(officer, Caller.COMPLIANCE_OFFICER), "an", 10)).extracting(PersonHit::active)
                .containsExactly(true, false);
        assertThat(search.people(callerOf(admin, Caller.ADMIN), "an", 10)).hasSize(2);
    }

    @Test
    void aSearchAsksForOneToFiftyResultsAndSomethingToLookFor() {
        for (int limit : new int[] {0, 51}) {
            assertThatThrownBy(() -> search.people(callerOf(ann), "an", limit))
                    .isInstanceOf(InvalidInputException.class).hasMessage("limit: must be between 1 and 50");
        }
        assertThatThrownBy(() -> search.people(callerOf(ann), "  ", 10))
                .isInstanceOf(InvalidInputException.class).hasMessage("q: must not be empty");
        assertThatThrownBy(() -> search.people(callerOf(ann), "a".repeat(201), 10))
                .isInstanceOf(InvalidInputException.class).hasMessage("q: must be at most 200 characters");
        assertThatThrownBy(() -> search.meetings(callerOf(ann), " ", null, null, null, 10))
                .isInstanceOf(InvalidInputException.class).hasMessage("q: give words, a date range or a participant");
        assertThatThrownBy(() -> search.messages(callerOf(ann), "&|!:*", null, 10))
                .isInstanceOf(InvalidInputException.class).hasMessage("q: must contain a letter or a digit");
        assertThat(index.asked).isEmpty();
    }

    @Test
    void aPersonFindsOnlyMeetingsTheyHostAreInvitedToOrJoinedByThePrefixesOfWhatTheyTyped() {
        assertThat(search.meetings(callerOf(ann), "quart REV!", null, null, null, 10)).containsExactly(annsReview);

        SearchIndex.MeetingCriteria asked = (SearchIndex.MeetingCriteria) index.asked.get(0);
        assertThat(asked.words()).isEqualTo("quart:* & rev:*");
        assertThat(asked.viewer()).isEqualTo(new SearchIndex.Viewer(ann.id(), "ann@example.com", true));
    }

    @Test
    void administratorsAndComplianceOfficersFindEveryMeeting() {
        assertThat(search.meetings(callerOf(admin, Caller.ADMIN), "quarterly", null, null, null, 10))
                .containsExactly(bobsReview, annsReview);
        assertThat(search.meetings(callerOf(officer, Caller.COMPLIANCE_OFFICER), null, NOW.plus(Duration.ofDays(1)), null,
                null, 10)).containsExactly(retro, bobsReview);
        assertThat(((SearchIndex.MeetingCriteria) index.asked.get(0)).viewer()).isNull();
    }

    @Test
    void meetingsAreFoundByADateRangeOrAParticipantsAddressAsStored() {
        assertThat(search.meetings(callerOf(bob), null, null, null, "  CID@Example.COM ", 10)).containsExactly(bobsReview);
        assertThat(((SearchIndex.MeetingCriteria) index.asked.get(0)).participant()).isEqualTo("cid@example.com");

        assertThat(search.meetings(callerOf(ann), null, NOW, NOW.plus(Duration.ofDays(1)), null, 10))
                .containsExactly(annsReview);
    }

    @Test
    void chatIsSearchedAsTheCallersOwnWithinOneMeetingIfGiven() {
        UUID meeting = UUID.randomUUID();
        MessageHit said = new MessageHit(UUID.randomUUID(), meeting, "Weekly", "bob", "Budget numbers attached", NOW, false);
        index.messages.add(new InMemorySearchIndex.IndexedMessage(said, Set.of(ann.id(), bob.id())));

        assertThat(search.messages(callerOf(ann), "budget num", meeting, 5)).containsExactly(said);
        assertThat(search.messages(callerOf(admin, Caller.ADMIN), "budget", null, 5)).as("administrators read only their own")
                .isEmpty();
        assertThat(index.asked).containsExactly(new InMemorySearchIndex.MessagesAsked(ann.id(), "budget:* & num:*", meeting, 5),
                new InMemorySearchIndex.MessagesAsked(admin.id(), "budget:*", null, 5));
    }

    @Test
    void aDeactivatedPersonSearchesNothingAndSomeoneNewIsKnownFromTheirFirstSearch() {
        bob.deactivate();
        assertThatThrownBy(() -> search.people(callerOf(bob), "an", 10)).isInstanceOf(AccountDeactivatedException.class);
        assertThatThrownBy(() -> search.meetings(callerOf(bob), "quarterly", null, null, null, 10))
                .isInstanceOf(AccountDeactivatedException.class);
        assertThat(index.asked).isEmpty();

        Caller newcomer = new Caller("sub-dora", "Dora", "dora@example.com", Set.of(), "s", false);
        assertThat(search.meetings(newcomer, "quarterly", null, null, null, 10)).isEmpty();
        User dora = world.users.bySubject("sub-dora").orElseThrow();
        assertThat(((SearchIndex.MeetingCriteria) index.asked.get(0)).viewer())
                .isEqualTo(new SearchIndex.Viewer(dora.id(), "dora@example.com", false));
    }
}
