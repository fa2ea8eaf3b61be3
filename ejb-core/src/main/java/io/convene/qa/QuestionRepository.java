package io.convene.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where the Q&A context keeps questions and upvotes ({@code persistence.JpaQuestionRepository} in PostgreSQL). */
public interface QuestionRepository {

    void add(Question question);

    Optional<Question> byId(UUID questionId);

    List<Question> ofMeeting(UUID meetingId);

    /** Adds the participant's upvote; answers whether it was not there yet. */
    boolean upvote(UUID questionId, UUID participationId, Instant at);

    /** Takes the participant's upvote back; answers whether there was one. */
    boolean withdrawUpvote(UUID questionId, UUID participationId);

    /** The upvotes of each of these questions that has any. */
    Map<UUID, Long> upvotes(List<UUID> questionIds);

    /** The questions the participant upvoted. */
    Set<UUID> upvotedBy(UUID participationId);
}
