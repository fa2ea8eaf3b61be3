package io.convene.qa;

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
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Q&A board's use cases against its repository in memory: who asks, upvotes, answers and dismisses, and what each one sees. */
class QuestionBoardTest {

    private final MeetingWorld world = new MeetingWorld();
    private final InMemoryQuestions questions = new InMemoryQuestions();
    private final QuestionBoard board = new QuestionBoard();

    private final Cast cast = world.castOfThree();
    private final User host = cast.host(), ann = cast.ann(), bob = cast.bob();
    private final Meeting meeting = cast.meeting();
    private final String ref = cast.ref();

    QuestionBoardTest() {
        board.questions = questions;
        board.meetings = world.meetings;
        board.attendees = world.attendees;
        board.events = world.eventLog;
        board.clock = world.clock;
    }

    private static Caller as(User user) {
        return MeetingWorld.callerOf(user);
    }

    private long eventsOf(String type) {
        return world.events.typesOf(meeting.id()).stream().filter(type::equals).count();
    }

    @Test
    void someoneInTheMeetingAsksATrimmedQuestionThatEveryoneHearsOf() {
        QuestionView asked = board.ask(as(ann), null, ref, "  When is the release?  ");

        assertThat(asked.text()).isEqualTo("When is the release?");
        assertThat(asked.askedBy()).isEqualTo("ann");
        assertThat(asked.status()).isEqualTo(Question.Status.OPEN);
        assertThat(asked.votes()).isZero();
        assertThat(asked.askedAt()).isEqualTo(MeetingWorld.NOW);
        assertThat(questions.all()).singleElement().satisfies(q -> {
            assertThat(q.meetingId()).isEqualTo(meeting.id());
            assertThat(q.askedBy()).isEqualTo(world.of(meeting, ann).id());
        });
        MeetingEvent event = world.events.last(meeting.id(), "question.asked");
        assertThat(event.payload()).contains("\"questionId\":\"" + asked.id() + "\"", "\"text\":\"When is the release?\"",
                "\"askedBy\":\"ann\"", "\"status\":\"OPEN\"", "\"votes\":0");
        assertThat(event.isVisibleTo(world.of(meeting, bob).id(), false, null)).isTrue();
        assertThat(world.of(meeting, ann).activity().questionsAsked()).isOne();
    }

    @Test
    void onlyThoseInTheMeetingAsk() {
        User eve = world.person("eve");
        assertThatThrownBy(() -> board.ask(as(eve), null, ref, "Hello?"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");

        Meeting ahead = world.meeting(host);
        assertThatThrownBy(() -> board.ask(as(host), null, ahead.id().toString(), "Anyone?"))
                .isInstanceOf(ConflictException.class).hasMessage("Only someone in the meeting can do this");

        assertThat(questions.all()).isEmpty();
        assertThat(world.events.typesOf(meeting.id())).isEmpty();
    }

    @Test
    void anUpvoteCountsOnceAndCanBeTakenBack() {
        QuestionView asked = board.ask(as(ann), null, ref, "When is the release?");

        QuestionView voted = board.upvote(as(bob), null, ref, asked.id(), true);
        assertThat(voted.votes()).isOne();
        assertThat(voted.upvotedByYou()).isTrue();
        assertThat(world.events.last(meeting.id(), "question.votes").payload()).contains("\"votes\":1");

        assertThat(board.upvote(as(bob), null, ref, asked.id(), true).votes()).isOne();
        assertThat(eventsOf("question.votes")).isOne();

        assertThat(board.upvote(as(host), null, ref, asked.id(), true).votes()).isEqualTo(2);
        QuestionView withdrawn = board.upvote(as(bob), null, ref, asked.id(), false);
        assertThat(withdrawn.votes()).isOne();
        assertThat(withdrawn.upvotedByYou()).isFalse();
        assertThat(world.events.last(meeting.id(), "question.votes").payload()).contains("\"votes\":1");
        assertThat(eventsOf("question.votes")).isEqualTo(3);

        board.upvote(as(bob), null, ref, asked.id(), false);
        assertThat(eventsOf("question.votes")).isEqualTo(3);
        assertThat(questions.upvotedBy(world.of(meeting, host).id())).containsExactly(asked.id());
        assertThat(questions.upvotedBy(world.of(meeting, bob).id())).isEmpty();
    }

    @Test
    void onlyTheHostAndCoHostsAnswerOrDismissQuestions() {
        QuestionView asked = board.ask(as(ann), null, ref, "When is the release?");

        assertThatThrownBy(() -> board.answer(as(bob), ref, asked.id(), "Never"))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts answer or dismiss questions");
        assertThatThrownBy(() -> board.dismiss(as(ann), ref, asked.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the host and co-hosts answer or dismiss questions");

        assertThat(questions.byId(asked.id()).orElseThrow().status()).isEqualTo(Question.Status.OPEN);
        assertThat(world.events.typesOf(meeting.id())).containsExactly("question.asked");
    }

    @Test
    void theHostAnswersAQuestionOnceAndEveryoneHearsTheAnswer() {
        QuestionView asked = board.ask(as(ann), null, ref, "When is the release?");
        board.upvote(as(bob), null, ref, asked.id(), true);

        QuestionView answered = board.answer(as(host), ref, asked.id(), "  Friday ");

        assertThat(answered.status()).isEqualTo(Question.Status.ANSWERED);
        assertThat(answered.answer()).isEqualTo("Friday");
        assertThat(answered.votes()).isOne();
        Question stored = questions.byId(asked.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Question.Status.ANSWERED);
        assertThat(stored.answer()).isEqualTo("Friday");
        assertThat(world.events.last(meeting.id(), "question.answered").payload())
                .contains("\"status\":\"ANSWERED\"", "\"answer\":\"Friday\"", "\"votes\":1");

        assertThatThrownBy(() -> board.answer(as(host), ref, asked.id(), "Monday"))
                .isInstanceOf(ConflictException.class).hasMessage("This question was already answered");
        assertThatThrownBy(() -> board.dismiss(as(host), ref, asked.id()))
                .isInstanceOf(ConflictException.class).hasMessage("This question was already answered");
        assertThat(stored.answer()).isEqualTo("Friday");
        assertThat(eventsOf("question.answered")).isOne();
    }

    @Test
    void aDismissedQuestionIsShownOnlyToThoseRunningTheMeetingAndTheChannelRepeatsNotItsText() {
        QuestionView asked = board.ask(as(ann), null, ref, "Off topic?");

        QuestionView dismissed = board.dismiss(as(host), ref, asked.id());

        assertThat(dismissed.status()).isEqualTo(Question.Status.DISMISSED);
        assertThat(world.events.last(meeting.id(), "question.dismissed").payload())
                .isEqualTo("{\"questionId\":\"" + asked.id() + "\"}");
        assertThat(board.list(as(ann), null, ref)).isEmpty();
        assertThat(board.list(as(host), null, ref)).singleElement()
                .satisfies(q -> assertThat(q.status()).isEqualTo(Question.Status.DISMISSED));
        assertThatThrownBy(() -> board.upvote(as(bob), null, ref, asked.id(), true))
                .isInstanceOf(NotFoundException.class).hasMessage("No such question");
        assertThat(questions.upvotes(List.of(asked.id()))).isEmpty();
        assertThatThrownBy(() -> board.answer(as(host), ref, asked.id(), "After all"))
                .isInstanceOf(ConflictException.class).hasMessage("This question was already dismissed");
    }

    @Test
    void theBoardListsOpenQuestionsMostUpvotedFirstThenTheOldestAndMarksWhatTheViewerUpvoted() {
        QuestionView first = board.ask(as(ann), null, ref, "First?");
        world.clock.advance(Duration.ofMinutes(1));
        QuestionView second = board.ask(as(bob), null, ref, "Second?");
        world.clock.advance(Duration.ofMinutes(1));
        QuestionView popular = board.ask(as(bob), null, ref, "Popular?");
        world.clock.advance(Duration.ofMinutes(1));
        QuestionView done = board.ask(as(ann), null, ref, "Done?");
        board.upvote(as(ann), null, ref, popular.id(), true);
        board.upvote(as(host), null, ref, popular.id(), true);
        board.upvote(as(ann), null, ref, done.id(), true);
        board.upvote(as(bob), null, ref, done.id(), true);
        board.upvote(as(host), null, ref, done.id(), true);
        board.answer(as(host), ref, done.id(), "Yes");

        List<QuestionView> annSees = board.list(as(ann), null, ref);

        assertThat(annSees).extracting(QuestionView::text).containsExactly("Popular?", "First?", "Second?", "Done?");
        assertThat(annSees).extracting(QuestionView::votes).containsExactly(2L, 0L, 0L, 3L);
        assertThat(annSees).extracting(QuestionView::upvotedByYou).containsExactly(true, false, false, true);
        assertThat(board.list(as(bob), null, ref)).extracting(QuestionView::upvotedByYou)
                .containsExactly(false, false, false, true);
        assertThat(first.askedAt()).isBefore(second.askedAt());
    }

    @Test
    void aQuestionOfAnotherMeetingIsNotFoundHere() {
        Meeting elsewhere = world.live(host, ann);
        QuestionView theirs = board.ask(as(ann), null, elsewhere.id().toString(), "Elsewhere?");

        assertThatThrownBy(() -> board.upvote(as(ann), null, ref, theirs.id(), true))
                .isInstanceOf(NotFoundException.class).hasMessage("No such question");
        assertThatThrownBy(() -> board.answer(as(host), ref, theirs.id(), "Here"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such question");
        assertThat(board.list(as(host), null, ref)).isEmpty();
        assertThat(questions.byId(theirs.id()).orElseThrow().status()).isEqualTo(Question.Status.OPEN);
    }

    @Test
    void aGuestAsksAndUpvotesWithTheirTicket() {
        Participation gus = world.guest(meeting, "Gus");
        String ticket = world.guestTicketOf(gus);

        QuestionView asked = board.ask(null, ticket, ref, "Is this recorded?");
        QuestionView voted = board.upvote(null, ticket, ref, asked.id(), true);

        assertThat(asked.askedBy()).isEqualTo("Gus");
        assertThat(questions.byId(asked.id()).orElseThrow().askedBy()).isEqualTo(gus.id());
        assertThat(voted.votes()).isOne();
        assertThat(board.list(null, ticket, ref)).singleElement().satisfies(q -> assertThat(q.upvotedByYou()).isTrue());
        assertThat(gus.activity().questionsAsked()).isOne();
    }
}
