package io.convene.poll;

import java.util.List;
import java.util.UUID;

/**
 * A poll with its live results. {@code voters} names who chose an option, only for named polls and
 * only for the host and co-hosts; {@code mine} is the caller's own vote.
 */
public record PollView(UUID id, String question, boolean multiple, boolean anonymous, boolean closed,
                       List<Option> options, long voters, List<UUID> mine) {

    public record Option(UUID id, String text, long votes, List<String> voters) {
    }
}
