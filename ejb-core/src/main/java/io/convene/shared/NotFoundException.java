package io.convene.shared;

/** The thing does not exist, or the caller may not know that it does. */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not found";
    }
}
