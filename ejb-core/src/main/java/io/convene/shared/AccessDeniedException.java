package io.convene.shared;

/** The caller is known and may see the thing, but may not do this to it. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
