package io.convene.shared;

/** Credentials (password, guest ticket) were presented and are wrong. */
public class AuthenticationFailedException extends DomainException {

    public AuthenticationFailedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
