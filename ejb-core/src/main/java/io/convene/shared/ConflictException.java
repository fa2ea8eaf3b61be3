package io.convene.shared;

/** The request is well formed but clashes with the current state (a cancelled meeting, a taken e-mail). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
