package io.convene.meeting;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The administrators' overview read from the meetings in memory, for unit tests: the same answers
 * as {@code persistence.SqlMeetingOverview}'s live meetings and starts (the paged listing is not
 * needed by these tests).
 */
final class InMemoryMeetingOverview implements MeetingOverview {

    private final InMemoryMeetings meetings;

    InMemoryMeetingOverview(InMemoryMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<LiveMeetings.Live> live() {
        return meetings.all().stream().filter(m -> m.status() == MeetingStatus.LIVE)
                .map(m -> {
                    List<Participation> in = m.participations().stream()
                            .filter(p -> p.state() == ParticipationState.JOINED).toList();
                    return new LiveMeetings.Live(m.id(), m.title(), m.code(), m.host().name(), in.size(),
                            in.stream().map(Participation::joinedAt).min(Comparator.naturalOrder()).orElse(null));
                })
                .filter(l -> l.present() > 0)
                .sorted(Comparator.comparingLong(LiveMeetings.Live::present).reversed().thenComparing(LiveMeetings.Live::title))
                .toList();
    }

    @Override
    public long startingBetween(Instant from, Instant to) {
        return meetings.all().stream().filter(m -> m.status() != MeetingStatus.CANCELLED
                && !m.slot().start().isBefore(from) && m.slot().start().isBefore(to)).count();
    }

    @Override
    public List<MeetingListing.Row> page(Window window, int offset, int limit) {
        throw new UnsupportedOperationException("the listing's windows are not kept in memory");
    }

    @Override
    public long count(Window window) {
        throw new UnsupportedOperationException("the listing's windows are not kept in memory");
    }
}
