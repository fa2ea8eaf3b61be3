package io.convene.meeting;

import java.time.Instant;
import java.util.UUID;

/** Wrong passcodes of the last while, shared by all nodes ({@code persistence.SqlPasscodeFailures}). */
public interface PasscodeFailures {

    void add(UUID meetingId, String client, Instant at);

    /** How many this client got wrong at the meeting since then. */
    long byClient(UUID meetingId, String client, Instant since);

    /** How many everyone got wrong at the meeting since then. */
    long atMeeting(UUID meetingId, Instant since);
}
