package io.convene.qa;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A question as the meeting sees it, with its upvotes and whether the viewer upvoted it. */
public record QuestionView(UUID id, String text, String askedBy, Question.Status status, String answer, long votes,
                           boolean upvotedByYou, Instant askedAt) {

    /** How the board lists them: open questions first, then answered, then dismissed; most upvoted first, then oldest. */
    public static final Comparator<QuestionView> BOARD_ORDER = Comparator.comparing((QuestionView v) -> v.status().ordinal())
            .thenComparing(QuestionView::votes, Comparator.reverseOrder())
            .thenComparing(QuestionView::askedAt);
}
