package io.convene.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PollTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID MEETING = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final Map<UUID, String> NAMES = Map.of(ANN, "Ann", BOB, "Bob");

    private static Poll poll(boolean multiple, boolean anonymous) {
        return Poll.asked(MEETING, new PollDraft("  Lunch? ", List.of(" Pizza ", "Salad", "Soup"), multiple, anonymous),
                HOST, NOW);
    }

    private static UUID option(Poll poll, int i) {
        return poll.options().get(i).id();
    }

    @Test
    void aDraftIsTrimmedAndItsAnswersMustDiffer() {
        Poll poll = poll(false, false);
        assertThat(poll.question()).isEqualTo("Lunch?");
        assertThat(poll.options()).extracting(PollOption::text).containsExactly("Pizza", "Salad", "Soup");

        assertThatThrownBy(() -> Poll.asked(MEETING, new PollDraft("Q", List.of("Yes", " Yes"), false, false), HOST, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("differ");
    }

    @Test
    void aBallotChoosesThePollsOwnAnswersEachOnceAndOneUnlessSeveralAreAllowed() {
        Poll single = poll(false, false);
        assertThat(single.choicesOf(new Ballot(List.of(option(single, 1))))).containsExactly(option(single, 1));
        assertThatThrownBy(() -> single.choicesOf(new Ballot(List.of(option(single, 0), option(single, 1)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> single.choicesOf(new Ballot(List.of(UUID.randomUUID()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("this poll's answers");

        Poll multiple = poll(true, false);
        assertThat(multiple.choicesOf(new Ballot(List.of(option(multiple, 0), option(multiple, 2)))))
                .containsExactlyInAnyOrder(option(multiple, 0), option(multiple, 2));
        assertThatThrownBy(() -> multiple.choicesOf(new Ballot(List.of(option(multiple, 0), option(multiple, 0)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("each once");
    }

    @Test
    void aClosedPollTakesNoBallot() {
        Poll poll = poll(false, false);
        poll.close(NOW);
        assertThatThrownBy(() -> poll.choicesOf(new Ballot(List.of(option(poll, 0)))))
                .isInstanceOf(ConflictException.class);
        assertThat(poll.resultsFor(List.of(), ANN, false, NAMES::get).closed()).isTrue();
    }

    @Test
    void everyoneSeesTheCountsAndTheirOwnVoteOnlyThoseRunningANamedPollSeeNames() {
        Poll poll = poll(true, false);
        List<PollRepository.Vote> votes = List.of(new PollRepository.Vote(option(poll, 0), ANN),
                new PollRepository.Vote(option(poll, 0), BOB), new PollRepository.Vote(option(poll, 2), BOB));

        PollView ann = poll.resultsFor(votes, ANN, false, NAMES::get);
        assertThat(ann.options()).extracting(PollView.Option::votes).containsExactly(2L, 0L, 1L);
        assertThat(ann.voters()).isEqualTo(2);
        assertThat(ann.mine()).containsExactly(option(poll, 0));
        assertThat(ann.options()).extracting(PollView.Option::voters).containsOnlyNulls();

        PollView host = poll.resultsFor(votes, HOST, true, NAMES::get);
        assertThat(host.mine()).isEmpty();
        assertThat(host.options().get(0).voters()).containsExactly("Ann", "Bob");
        assertThat(host.options().get(2).voters()).containsExactly("Bob");

        Poll anonymous = poll(false, true);
        PollView hidden = anonymous.resultsFor(List.of(new PollRepository.Vote(option(anonymous, 1), ANN)), HOST, true,
                NAMES::get);
        assertThat(hidden.options().get(1).votes()).isEqualTo(1);
        assertThat(hidden.options().get(1).voters()).isNull();
    }
}
