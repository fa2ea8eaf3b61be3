package io.convene.shared;

/** A component Convene depends on (the identity provider, say) is down or misbehaving; try again later. */
public class UnavailableException extends DomainException {

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
