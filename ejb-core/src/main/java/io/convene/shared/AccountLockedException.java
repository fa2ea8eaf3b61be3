package io.convene.shared;

/** The identity provider has locked the account for a while after too many failed sign-ins. */
public class AccountLockedException extends RateLimitedException {

    public AccountLockedException(long retryAfterSeconds) {
        super("This account is temporarily locked after too many failed sign-ins; try again in " + retryAfterSeconds
                + " seconds", retryAfterSeconds);
    }

    @Override
    public String title() {
        return "Account temporarily locked";
    }
}
