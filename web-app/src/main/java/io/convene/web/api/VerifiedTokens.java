package io.convene.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this node has verified lately, each with the principal and groups its verification
 * gave. A client sends the same token with every call until it refreshes it, and checking it anew
 * each time (the signature, the claims parsed, the realm's keys read) was the largest single cost
 * of a signed-in call. A token is remembered until it expires, but never longer than
 * {@link #REMEMBERED}: Payara itself keeps the realm's keys for minutes, so a key withdrawn from the
 * realm stops working no later than it did. At most {@link #CAPACITY} tokens are remembered; past
 * that, tokens are verified each time again until some are forgotten. Only a whole token string
 * that was verified finds its entry: anything else is verified as before.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final Duration REMEMBERED = Duration.ofSeconds(60);
    static final int CAPACITY = 4096;

    /** What a verification gave, and until when it is used instead of another. */
    public record Verified(CallerPrincipal principal, Set<String> groups, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public VerifiedTokens() {
        this(InstantSource.system());
    }

    VerifiedTokens(InstantSource clock) {
        this.clock = clock;
    }

    /** The verification of exactly this token, if it was made lately and the token has not expired. */
    public Optional<Verified> of(String token) {
        Verified entry = verified.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            verified.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /**
     * Remembers a token Payara has just verified: a JSON Web Token's principal with its raw token and
     * expiry (any other is not). A token still remembered keeps its first entry, so one in constant use
     * is verified in full again after {@link #REMEMBERED}.
     */
    public void remember(CallerPrincipal principal, Set<String> groups) {
        if (!(principal instanceof JsonWebToken jwt)) {
            return;
        }
        String token = jwt.getRawToken();
        long expires = jwt.getExpirationTime();
        if (token == null || expires <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant until = Instant.ofEpochSecond(expires);
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (verified.size() >= CAPACITY) {
                return;
            }
        }
        Instant latest = now.plus(REMEMBERED);
        Verified entry = new Verified(principal, groups == null ? Set.of() : Set.copyOf(groups), until.isBefore(latest) ? until : latest);
        verified.compute(token, (key, earlier) -> earlier != null && now.isBefore(earlier.until()) ? earlier : entry);
    }

    int size() {
        return verified.size();
    }
}
