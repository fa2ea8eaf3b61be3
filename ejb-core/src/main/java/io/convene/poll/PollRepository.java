package io.convene.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the poll context keeps its polls and votes ({@code persistence.JpaPollRepository} in PostgreSQL). */
public interface PollRepository {

    /** One vote: a participant chose an option. */
    record Vote(UUID optionId, UUID participationId) {
    }

    void add(Poll poll);

    /** The poll, if it belongs to the meeting. */
    Optional<Poll> byId(UUID meetingId, UUID pollId);

    /** The meeting's polls, oldest first. */
    List<Poll> ofMeeting(UUID meetingId);

    /** Casts (or replaces) a participant's vote; answers whether it is their first on this poll. */
    boolean vote(UUID pollId, UUID participationId, List<UUID> optionIds, Instant at);

    /** Every vote on the poll. */
    List<Vote> votes(UUID pollId);
}
