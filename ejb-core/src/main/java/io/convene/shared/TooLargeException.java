package io.convene.shared;

/** A body (an upload) over the limit. */
public class TooLargeException extends DomainException {

    public TooLargeException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Too large";
    }
}
