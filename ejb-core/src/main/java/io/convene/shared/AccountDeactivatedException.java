package io.convene.shared;

/**
 * The token is genuine but the person's account is deactivated: refused like a bad credential
 * (401), even while a token issued before the deactivation is still valid.
 */
public class AccountDeactivatedException extends AuthenticationFailedException {

    public AccountDeactivatedException() {
        super("This account is deactivated; ask an administrator");
    }

    @Override
    public String title() {
        return "Account deactivated";
    }
}
