package io.convene.qa;

import java.time.Instant;
import java.util.UUID;

/** A question as the meeting sees it, with its upvotes and whether the viewer upvoted it. */
public record QuestionView(UUID id, String text, String askedBy, Question.Status status, String answer, long votes,
                           boolean upvotedByYou, Instant askedAt) {
}
