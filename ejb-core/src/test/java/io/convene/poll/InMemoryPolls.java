package io.convene.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The poll context's repository kept in lists, for unit tests: the same answers as {@code persistence.JpaPollRepository}. */
final class InMemoryPolls implements PollRepository {

    private final List<Poll> polls = new ArrayList<>();
    private final List<UUID> votedOn = new ArrayList<>();
    private final List<Vote> votes = new ArrayList<>();

    @Override
    public void add(Poll poll) {
        polls.add(poll);
    }

    @Override
    public Optional<Poll> byId(UUID meetingId, UUID pollId) {
        return polls.stream().filter(p -> p.id().equals(pollId) && p.meetingId().equals(meetingId)).findFirst();
    }

    @Override
    public List<Poll> ofMeeting(UUID meetingId) {
        return polls.stream().filter(p -> p.meetingId().equals(meetingId)).toList();
    }

    /** As the database does: the participant's earlier vote on the poll goes, the new one comes in. */
    @Override
    public boolean vote(UUID pollId, UUID participationId, List<UUID> optionIds, Instant at) {
        int earlier = 0;
        for (int i = votes.size() - 1; i >= 0; i--) {
            if (votedOn.get(i).equals(pollId) && votes.get(i).participationId().equals(participationId)) {
                votes.remove(i);
                votedOn.remove(i);
                earlier++;
            }
        }
        for (UUID option : optionIds) {
            votes.add(new Vote(option, participationId));
            votedOn.add(pollId);
        }
        return earlier == 0;
    }

    @Override
    public List<Vote> votes(UUID pollId) {
        List<Vote> found = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            if (votedOn.get(i).equals(pollId)) {
                found.add(votes.get(i));
            }
        }
        return found;
    }

    List<Poll> all() {
        return List.copyOf(polls);
    }
}
