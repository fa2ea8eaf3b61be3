package io.convene.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.Cast;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingEvent;
import io.convene.meeting.MeetingWorld;
import io.convene.meeting.Participation;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The polls' use cases against their repository in memory: who runs them, who votes, what each one sees, what the channel carries. */
class PollsTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryPolls repository = new InMemoryPolls();
    private final Polls polls = new Polls();

    private final Cast cast = world.castOfThree();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    PollsTest() {
        polls.meetings = world.meetings;
        polls.attendees = world.attendees;
        polls.polls = repository;
        polls.events = world.eventLog;
        polls.clock = world.clock;
    }

    private static Caller as(User user) {
        return MeetingWorld.callerOf(user);
    }

    private PollView lunch(boolean multiple, boolean anonymous) {
        return polls.open(as(host), ref, new PollDraft(" Lunch? ", List.of(" Pizza", "Salad ", "Soup"), multiple, anonymous));
    }

    private static UUID option(PollView poll, String text) {
        return poll.options().stream().filter(o -> o.text().equals(text)).findFirst().orElseThrow().id();
    }

    private static PollView.Option result(PollView poll, String text) {
        return poll.options().stream().filter(o -> o.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void theHostOpensATrimmedPollAndEveryoneHearsOfItWithNoVotesYet() {
        PollView opened = lunch(false, false);

        assertThat(opened.question()).isEqualTo("Lunch?");
        assertThat(opened.options()).extracting(PollView.Option::text).containsExactly("Pizza", "Salad", "Soup");
        assertThat(opened.options()).extracting(PollView.Option::votes).containsOnly(0L);
        assertThat(opened.closed()).isFalse();
        assertThat(repository.all()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(opened.id());
            assertThat(p.meetingId()).isEqualTo(meeting.id());
        });
        MeetingEvent event = world.events.last(meeting.id(), "poll.opened");
        assertThat(event.payload()).contains("\"pollId\":\"" + opened.id() + "\"", "\"question\":\"Lunch?\"",
                "\"text\":\"Pizza\"", "\"voters\":0");
        assertThat(event.isVisibleTo(world.of(meeting, ann).id(), false, null)).isTrue();
    }

    @Test
    void onlyTheHostAndCoHostsOpenOrClosePolls() {
        assertThatThrownBy(() -> polls.open(as(ann), ref, new PollDraft("Lunch?", List.of("Yes", "No"), false, false)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts run polls");
        assertThat(repository.all()).isEmpty();

        PollView poll = lunch(false, false);
        assertThatThrownBy(() -> polls.close(as(ann), ref, poll.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts run polls");
        assertThat(polls.list(as(ann), null, ref)).singleElement().satisfies(p -> assertThat(p.closed()).isFalse());
        assertThat(world.events.typesOf(meeting.id())).containsExactly("poll.opened");
    }

    @Test
    void aHostWhoHasNotComeInYetOpensNoPoll() {
        Meeting ahead = world.meeting(host);

        assertThatThrownBy(() -> polls.open(as(host), ahead.id().toString(),
                new PollDraft("Lunch?", List.of("Yes", "No"), false, false)))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the meeting can do this");
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void answersThatAreTheSameOnceTrimmedAreRefused() {
        assertThatThrownBy(() -> polls.open(as(host), ref, new PollDraft("Lunch?", List.of("Pizza", " Pizza "), false, false)))
                .isInstanceOf(InvalidInputException.class).hasMessage("options: answers must differ");
        assertThat(repository.all()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).isEmpty();
    }

    @Test
    void votingAgainReplacesTheVoteAndCountsTheVoterOnce() {
        PollView poll = lunch(false, false);

        polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza"))));
        polls.vote(as(bob), null, ref, poll.id(), new Ballot(List.of(option(poll, "Salad"))));
        PollView changed = polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Soup"))));

        assertThat(changed.voters()).isEqualTo(2);
        assertThat(changed.mine()).containsExactly(option(poll, "Soup"));
        assertThat(changed.options()).extracting(PollView.Option::votes).containsExactly(0L, 1L, 1L);
        assertThat(repository.votes(poll.id())).hasSize(2);
        assertThat(world.of(meeting, ann).activity().pollAnswers()).isOne();
        assertThat(world.of(meeting, bob).activity().pollAnswers()).isOne();
    }

    @Test
    void theChannelCarriesTheCountsButNeitherNamesNorWhoChoseWhat() {
        PollView poll = lunch(false, false);

        polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Salad"))));

        MeetingEvent results = world.events.last(meeting.id(), "poll.results");
        assertThat(results.payload()).contains("\"voters\":1", "\"text\":\"Salad\",\"votes\":1");
        assertThat(results.payload()).doesNotContain("ann", world.of(meeting, ann).id().toString(), "mine");
        assertThat(results.isVisibleTo(world.of(meeting, bob).id(), false, null)).isTrue();
    }

    @Test
    void onANamedPollOnlyThoseRunningTheMeetingSeeWhoChoseWhatAndEveryoneTheirOwnVote() {
        PollView poll = lunch(true, false);
        polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza"), option(poll, "Soup"))));
        polls.vote(as(bob), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza"))));

        PollView hostSees = polls.list(as(host), null, ref).get(0);
        assertThat(result(hostSees, "Pizza").voters()).containsExactly("ann", "bob");
        assertThat(result(hostSees, "Soup").voters()).containsExactly("ann");
        assertThat(hostSees.mine()).isEmpty();

        PollView bobSees = polls.list(as(bob), null, ref).get(0);
        assertThat(bobSees.options()).extracting(PollView.Option::voters).containsOnlyNulls();
        assertThat(result(bobSees, "Pizza").votes()).isEqualTo(2);
        assertThat(bobSees.mine()).containsExactly(option(poll, "Pizza"));
    }

    @Test
    void onAnAnonymousPollNotEvenTheHostSeesWhoChoseWhat() {
        PollView poll = lunch(false, true);
        polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza"))));

        PollView hostSees = polls.list(as(host), null, ref).get(0);

        assertThat(hostSees.anonymous()).isTrue();
        assertThat(hostSees.options()).extracting(PollView.Option::voters).containsOnlyNulls();
        assertThat(result(hostSees, "Pizza").votes()).isOne();
    }

    @Test
    void aBallotChoosesThisPollsAnswersEachOnceAndOneUnlessThePollTakesSeveral() {
        PollView single = lunch(false, false);
        PollView other = polls.open(as(host), ref, new PollDraft("Dessert?", List.of("Cake", "Fruit"), true, false));

        assertThatThrownBy(() -> polls.vote(as(ann), null, ref, single.id(),
                new Ballot(List.of(option(single, "Pizza"), option(single, "Soup")))))
                .isInstanceOf(InvalidInputException.class).hasMessage("optionIds: this poll takes exactly one answer");
        assertThatThrownBy(() -> polls.vote(as(ann), null, ref, single.id(), new Ballot(List.of(option(other, "Cake")))))
                .isInstanceOf(InvalidInputException.class).hasMessage("optionIds: choose among this poll's answers, each once");
        assertThatThrownBy(() -> polls.vote(as(ann), null, ref, other.id(),
                new Ballot(List.of(option(other, "Cake"), option(other, "Cake")))))
                .isInstanceOf(InvalidInputException.class).hasMessage("optionIds: choose among this poll's answers, each once");

        assertThat(repository.votes(single.id())).isEmpty();
        assertThat(repository.votes(other.id())).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).doesNotContain("poll.results");
        assertThat(world.of(meeting, ann).activity().pollAnswers()).isZero();
    }

    @Test
    void aClosedPollTakesNoMoreVotesAndKeepsItsResults() {
        PollView poll = lunch(false, false);
        polls.vote(as(ann), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza"))));

        PollView closed = polls.close(as(host), ref, poll.id());

        assertThat(closed.closed()).isTrue();
        assertThat(world.events.last(meeting.id(), "poll.closed").payload()).contains("\"closed\":true", "\"voters\":1");
        assertThatThrownBy(() -> polls.vote(as(bob), null, ref, poll.id(), new Ballot(List.of(option(poll, "Salad")))))
                .isInstanceOf(ConflictException.class).hasMessage("This poll is closed");
        assertThat(repository.votes(poll.id())).containsExactly(
                new PollRepository.Vote(option(poll, "Pizza"), world.of(meeting, ann).id()));
        assertThat(polls.list(as(bob), null, ref)).singleElement().satisfies(p -> {
            assertThat(p.closed()).isTrue();
            assertThat(result(p, "Pizza").votes()).isOne();
        });

        assertThat(polls.close(as(host), ref, poll.id()).closed()).as("closing again").isTrue();
        assertThat(world.events.typesOf(meeting.id())).filteredOn("poll.closed"::equals).as("announced once").hasSize(1);
    }

    @Test
    void aPollOfAnotherMeetingIsNotFoundHere() {
        Meeting elsewhere = world.live(host, ann);
        PollView theirs = polls.open(as(host), elsewhere.id().toString(),
                new PollDraft("Elsewhere?", List.of("Yes", "No"), false, false));

        assertThatThrownBy(() -> polls.vote(as(ann), null, ref, theirs.id(), new Ballot(List.of(theirs.options().get(0).id()))))
                .isInstanceOf(NotFoundException.class).hasMessage("No such poll");
        assertThatThrownBy(() -> polls.close(as(host), ref, theirs.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such poll");
        assertThat(polls.list(as(ann), null, ref)).isEmpty();
        assertThat(repository.votes(theirs.id())).isEmpty();
    }

    @Test
    void someoneWhoIsNotInTheMeetingNeitherVotesNorSeesThePolls() {
        PollView poll = lunch(false, false);
        User eve = world.person("eve");

        assertThatThrownBy(() -> polls.vote(as(eve), null, ref, poll.id(), new Ballot(List.of(option(poll, "Pizza")))))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThatThrownBy(() -> polls.list(as(eve), null, ref))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
        assertThat(repository.votes(poll.id())).isEmpty();
    }

    @Test
    void aGuestVotesWithTheirTicketAndTheHostSeesTheirNameOnANamedPoll() {
        Participation gus = world.guest(meeting, "Gus");
        PollView poll = lunch(false, false);

        PollView voted = polls.vote(null, world.guestTicketOf(gus), ref, poll.id(), new Ballot(List.of(option(poll, "Soup"))));

        assertThat(voted.mine()).containsExactly(option(poll, "Soup"));
        assertThat(voted.options()).extracting(PollView.Option::voters).containsOnlyNulls();
        assertThat(gus.activity().pollAnswers()).isOne();
        assertThat(result(polls.list(as(host), null, ref).get(0), "Soup").voters()).containsExactly("Gus");
    }
}
