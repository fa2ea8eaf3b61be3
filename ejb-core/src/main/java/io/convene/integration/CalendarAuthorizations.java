package io.convene.integration;

import io.convene.platform.Sealing;
import io.convene.user.User;
import io.convene.user.UserStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The attempts to connect a calendar between "Connect" and the provider's answer, each in a
 * transaction of its own: an attempt is taken (and gone) before the provider is called, so a refused
 * code or a replayed answer finds nothing to use again.
 */
@Stateless
public class CalendarAuthorizations {

    private static final Logger LOG = Logger.getLogger(CalendarAuthorizations.class.getName());

    @Inject
    CalendarAuthorizationRepository attempts;

    @Inject
    io.convene.user.UserRepository users;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    /** What an answer may be used for: its provider, person and PKCE verifier; or why nothing ({@code problem}). */
    public record Taken(Provider provider, User owner, String verifier, String problem) {
    }

    /** Remembers a new attempt (and forgets those older than ten minutes). */
    public void remember(String state, UUID userId, Provider provider, String verifier, String browserHash) {
        Instant now = clock.instant();
        attempts.add(new CalendarAuthorization(state, userId, provider, sealing.seal(verifier), browserHash, now),
                now.minus(CalendarAuthorization.LIFETIME));
    }

    /** Takes the attempt {@code state} names, once, if it is current and this browser's ({@code browserHash}). */
    public Taken take(String state, String browserHash) {
        CalendarAuthorization attempt = state == null || state.length() > 64 ? null
                : attempts.takeable(state).orElse(null);
        if (attempt == null) {
            return new Taken(null, null, null, "unknown");
        }
        attempts.remove(attempt); // one answer per attempt, whatever it is
        if (attempt.expired(clock.instant())) {
            return new Taken(attempt.provider(), null, null, "unknown");
        }
        if (browserHash == null || !MessageDigest.isEqual(browserHash.getBytes(StandardCharsets.US_ASCII),
                attempt.browserHash().getBytes(StandardCharsets.US_ASCII))) {
            LOG.warning(() -> attempt.provider() + " consent for user " + attempt.userId() + " came back to another browser: refused");
            return new Taken(attempt.provider(), null, null, "other-browser");
        }
        User owner = users.byId(attempt.userId()).orElse(null);
        if (owner == null || owner.status() == UserStatus.DISABLED) {
            return new Taken(attempt.provider(), null, null, "unknown");
        }
        return new Taken(attempt.provider(), owner, sealing.open(attempt.verifierSealed()), null);
    }
}
