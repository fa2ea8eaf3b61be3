package io.convene.user;

import io.convene.shared.RateLimitedException;
import io.convene.user.LoginFailures.Scope;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles password sign-in ({@code POST /api/users/login}) before the identity provider's own
 * lockout would trigger, so that knowing someone's address is not enough to lock them out. Within
 * the window, a client (the caller's address) is refused (429 with Retry-After):
 * <ul>
 * <li>for an account after {@code failures-per-client-account} failures of its own for it;</li>
 * <li>for every account after {@code failures-per-client} failures of its own (password spraying);</li>
 * <li>for an account that has had {@code failures-per-account} failures from everyone, but only if
 * this client has failed for it too: someone who has not failed is always let through to try.</li>
 * </ul>
 * A successful sign-in forgets that client's failures for that account. Failures are written in a
 * transaction of their own and kept in the database, so all nodes count together.
 */
@Stateless
public class LoginAttempts {

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

    @Inject
    LoginFailures failures;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "convene.login.failures-per-client-account", defaultValue = "5")
    int perClientAccount;

    @Inject
    @ConfigProperty(name = "convene.login.failures-per-client", defaultValue = "20")
    int perClient;

    @Inject
    @ConfigProperty(name = "convene.login.failures-per-account", defaultValue = "20")
    int perAccount;

    @Inject
    @ConfigProperty(name = "convene.login.failure-window", defaultValue = "PT15M")
    Duration window;

    /** Refuses the attempt when this client, or everyone for this account, has failed too often lately. */
    public void requireAllowed(String account, String client) {
        Instant since = clock.instant().minus(window);
        long mine = failures.count(Scope.CLIENT_AND_ACCOUNT, account, client, since);
        if (mine >= perClientAccount) {
            throw refused("Too many failed sign-ins for this account from your address", Scope.CLIENT_AND_ACCOUNT, account, client, since,
                    mine, perClientAccount);
        }
        long fromHere = failures.count(Scope.CLIENT, account, client, since);
        if (fromHere >= perClient) {
            throw refused("Too many failed sign-ins from your address", Scope.CLIENT, account, client, since, fromHere, perClient);
        }
        if (mine > 0) {
            long everyone = failures.count(Scope.ACCOUNT, account, client, since);
            if (everyone >= perAccount) {
                throw refused("Too many failed sign-ins for this account", Scope.ACCOUNT, account, client, since, everyone,
                        perAccount);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String account, String client) {
        Instant now = clock.instant();
        failures.add(account, client, now, now.minus(window));
    }

    /** After a successful sign-in: this client's earlier failures for this account no longer count. */
    public void forget(String account, String client) {
        failures.forget(account, client);
    }

    /** Refused until enough of the counted failures have left the window to be under the limit again. */
    private RateLimitedException refused(String why, Scope scope, String account, String client, Instant since,
                                         long failed, int limit) {
        Instant leaves = failures.nth(scope, account, client, since, failed - limit).orElse(clock.instant()).plus(window);
        long seconds = Math.max(1, Duration.between(clock.instant(), leaves).toSeconds() + 1);
        LOG.warning(() -> "Sign-in refused for a while: " + why.toLowerCase() + " (" + failed + ")");
        return new RateLimitedException(why + "; try again in " + seconds + " seconds", seconds);
    }
}
