package io.convene.directory;

import io.convene.shared.DomainException;

/** The directory did not answer, refused the bind, or refused the search; the message says which. */
public class DirectoryUnreachableException extends DomainException {

    public DirectoryUnreachableException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "The directory cannot be read";
    }
}
