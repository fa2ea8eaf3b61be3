package io.convene.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final UUID MEETING = UUID.randomUUID();
    private static final UUID HOST = UUID.randomUUID();

    private static Question asked(String text) {
        return new Question(MEETING, UUID.randomUUID(), text, NOW);
    }

    @Test
    void aQuestionIsAnsweredOrDismissedOnceAndADismissedOneIsShownOnlyToThoseRunningTheMeeting() {
        Question answered = asked("When is the release?");
        answered.answer(HOST, "Friday", NOW);
        assertThat(answered.status()).isEqualTo(Question.Status.ANSWERED);
        assertThat(answered.answer()).isEqualTo("Friday");
        assertThatThrownBy(() -> answered.dismiss(NOW)).isInstanceOf(ConflictException.class).hasMessageContaining("answered");
        assertThat(answered.isVisibleTo(false)).isTrue();

        Question dismissed = asked("Off topic");
        dismissed.dismiss(NOW);
        assertThatThrownBy(() -> dismissed.answer(HOST, "No", NOW)).isInstanceOf(ConflictException.class);
        assertThat(dismissed.isVisibleTo(false)).isFalse();
        assertThat(dismissed.isVisibleTo(true)).isTrue();
    }

    @Test
    void theBoardListsOpenQuestionsFirstMostUpvotedFirstThenTheOldest() {
        QuestionView oldOpen = view("old open", Question.Status.OPEN, 2, NOW);
        QuestionView newOpen = view("new open", Question.Status.OPEN, 2, NOW.plusSeconds(60));
        QuestionView popularOpen = view("popular open", Question.Status.OPEN, 9, NOW.plusSeconds(120));
        QuestionView answered = view("answered", Question.Status.ANSWERED, 50, NOW);
        QuestionView dismissed = view("dismissed", Question.Status.DISMISSED, 80, NOW);

        List<String> order = Stream.of(dismissed, newOpen, answered, oldOpen, popularOpen)
                .sorted(QuestionView.BOARD_ORDER).map(QuestionView::text).toList();

        assertThat(order).containsExactly("popular open", "old open", "new open", "answered", "dismissed");
    }

    private static QuestionView view(String text, Question.Status status, long votes, Instant askedAt) {
        return new QuestionView(UUID.randomUUID(), text, "Ann", status, null, votes, false, askedAt);
    }
}
