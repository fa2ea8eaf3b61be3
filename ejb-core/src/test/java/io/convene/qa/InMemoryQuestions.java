package io.convene.qa;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The Q&A context's repository kept in memory, for unit tests: the same answers as {@code persistence.JpaQuestionRepository}. */
final class InMemoryQuestions implements QuestionRepository {

    private record Upvote(UUID questionId, UUID participationId) {
    }

    private final Map<UUID, Question> questions = new HashMap<>();
    private final Set<Upvote> upvotes = new LinkedHashSet<>();

    @Override
    public void add(Question question) {
        questions.put(question.id(), question);
    }

    @Override
    public Optional<Question> byId(UUID questionId) {
        return Optional.ofNullable(questions.get(questionId));
    }

    /** In no particular order, as the query has none (the board sorts). */
    @Override
    public List<Question> ofMeeting(UUID meetingId) {
        return questions.values().stream().filter(q -> q.meetingId().equals(meetingId)).toList();
    }

    @Override
    public boolean upvote(UUID questionId, UUID participationId, Instant at) {
        return upvotes.add(new Upvote(questionId, participationId));
    }

    @Override
    public boolean withdrawUpvote(UUID questionId, UUID participationId) {
        return upvotes.remove(new Upvote(questionId, participationId));
    }

    @Override
    public Map<UUID, Long> upvotes(List<UUID> questionIds) {
        return upvotes.stream().filter(u -> questionIds.contains(u.questionId()))
                .collect(Collectors.groupingBy(Upvote::questionId, Collectors.counting()));
    }

    @Override
    public Set<UUID> upvotedBy(UUID participationId) {
        return upvotes.stream().filter(u -> u.participationId().equals(participationId)).map(Upvote::questionId)
                .collect(Collectors.toSet());
    }

    List<Question> all() {
        return List.copyOf(questions.values());
    }
}
