package io.convene.user;

import io.convene.shared.RateLimitedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
    private static final String PAIR = "account_key = :account and client_key = :client";
    private static final String CLIENT = "client_key = :client";
    private static final String ACCOUNT = "account_key = :account";

    @PersistenceContext(unitName = "convene")
    EntityManager em;

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
        long mine = count(PAIR, account, client, since);
        if (mine >= perClientAccount) {
            throw refused("Too many failed sign-ins for this account from your address", PAIR, account, client, since,
                    mine, perClientAccount);
        }
        long fromHere = count(CLIENT, account, client, since);
        if (fromHere >= perClient) {
            throw refused("Too many failed sign-ins from your address", CLIENT, account, client, since, fromHere, perClient);
        }
        if (mine > 0) {
            long everyone = count(ACCOUNT, account, client, since);
            if (everyone >= perAccount) {
                throw refused("Too many failed sign-ins for this account", ACCOUNT, account, client, since, everyone,
                        perAccount);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String account, String client) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from login_failures where failed_at <= ?1").setParameter(1, now.minus(window))
                .executeUpdate();
        em.createNativeQuery("insert into login_failures (account_key, client_key, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, account).setParameter(2, client).setParameter(3, now).executeUpdate();
    }

    /** After a successful sign-in: this client's earlier failures for this account no longer count. */
    public void forget(String account, String client) {
        bind(em.createNativeQuery("delete from login_failures where " + PAIR), PAIR, account, client).executeUpdate();
    }

    private long count(String where, String account, String client, Instant since) {
        return ((Number) bind(em.createNativeQuery("select count(*) from login_failures where " + where
                + " and failed_at > :since"), where, account, client).setParameter("since", since).getSingleResult()).longValue();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, String where, String account, String client) {
        if (where.contains(":account")) {
            query.setParameter("account", account);
        }
        if (where.contains(":client")) {
            query.setParameter("client", client);
        }
        return query;
    }

    /** Refused until enough of the counted failures have left the window to be under the limit again. */
    private RateLimitedException refused(String why, String where, String account, String client, Instant since,
                                         long failures, int limit) {
        Object oldest = bind(em.createNativeQuery("select failed_at from login_failures where " + where
                        + " and failed_at > :since order by failed_at offset :skip limit 1"), where, account, client)
                .setParameter("since", since).setParameter("skip", failures - limit)
                .getResultStream().findFirst().orElse(null);
        Instant leaves = (oldest == null ? clock.instant() : io.convene.shared.NativeValues.instant(oldest)).plus(window);
        long seconds = Math.max(1, Duration.between(clock.instant(), leaves).toSeconds() + 1);
        LOG.warning(() -> "Sign-in refused for a while: " + why.toLowerCase() + " (" + failures + ")");
        return new RateLimitedException(why + "; try again in " + seconds + " seconds", seconds);
    }
}
