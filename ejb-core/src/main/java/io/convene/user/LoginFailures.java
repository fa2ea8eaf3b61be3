package io.convene.user;

import java.time.Instant;
import java.util.Optional;

/** The failed sign-ins of the last while, shared by all nodes ({@code persistence.SqlLoginFailures}). */
public interface LoginFailures {

    /** Which failures count: of one client for one account, of one client, or of everyone for one account. */
    enum Scope { CLIENT_AND_ACCOUNT, CLIENT, ACCOUNT }

    /** Records a failure now, and forgets those before {@code forgetBefore}. */
    void add(String account, String client, Instant at, Instant forgetBefore);

    /** Forgets this client's failures for this account. */
    void forget(String account, String client);

    /** How many failures of the scope happened after {@code since}. */
    long count(Scope scope, String account, String client, Instant since);

    /** When the failure happened that is {@code skip} places after the oldest of the scope since then. */
    Optional<Instant> nth(Scope scope, String account, String client, Instant since, long skip);
}
