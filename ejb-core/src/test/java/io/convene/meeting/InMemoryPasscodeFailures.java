package io.convene.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The wrong passcodes of the last while kept in a list, for unit tests ({@code persistence.SqlPasscodeFailures}'s answers). */
final class InMemoryPasscodeFailures implements PasscodeFailures {

    record Failure(UUID meetingId, String client, Instant at) {
    }

    private final List<Failure> failures = new ArrayList<>();

    List<Failure> all() {
        return List.copyOf(failures);
    }

    @Override
    public void add(UUID meetingId, String client, Instant at) {
        failures.add(new Failure(meetingId, client, at));
    }

    @Override
    public long byClient(UUID meetingId, String client, Instant since) {
        return failures.stream().filter(f -> f.meetingId().equals(meetingId) && f.client().equals(client)
                && f.at().isAfter(since)).count();
    }

    @Override
    public long atMeeting(UUID meetingId, Instant since) {
        return failures.stream().filter(f -> f.meetingId().equals(meetingId) && f.at().isAfter(since)).count();
    }
}
