package io.convene.meeting;

import io.convene.shared.RateLimitedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down passcode guessing: after too many wrong passcodes from one client (a user, or a
 * guest's address), or at one meeting from anyone, joins with a passcode are refused (429) until
 * the window has passed. The meeting-wide limit holds back only clients that have failed there
 * themselves: one who has not is always let through to try, so guessers, however many accounts
 * they use, cannot lock a meeting for the people who know its passcode. Failures are written in a
 * transaction of their own so that the refused join's rollback keeps them; they are kept in the
 * database, so all nodes count together.
 */
@Stateless
public class PasscodeAttempts {

    private static final Logger LOG = Logger.getLogger(PasscodeAttempts.class.getName());

    @Inject
    PasscodeFailures failures;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.join.passcode-failures-per-client", defaultValue = "5")
    int perClient;

    @Inject
    @ConfigProperty(name = "convene.join.passcode-failures-per-meeting", defaultValue = "30")
    int perMeeting;

    @Inject
    @ConfigProperty(name = "convene.join.passcode-failure-window", defaultValue = "PT15M")
    Duration window;

    /** Refuses the attempt when the client, or (for a client that has failed too) the meeting, has failed too often lately. */
    public void requireAllowed(UUID meetingId, String client) {
        Instant since = clock.instant().minus(window);
        long byClient = failures.byClient(meetingId, client, since);
        if (byClient == 0) {
            return; // a client that has not failed lately always gets its passcode checked
        }
        long byMeeting = failures.atMeeting(meetingId, since);
        if (byClient >= perClient || byMeeting >= perMeeting) {
            LOG.warning(() -> "Passcode attempts at meeting " + meetingId + " refused for a while (" + byClient
                    + " recent failures by this client, " + byMeeting + " in all)");
            throw new RateLimitedException("Too many wrong passcodes; try again later", window.toSeconds());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(UUID meetingId, String client) {
        failures.add(meetingId, client, clock.instant());
    }
}
