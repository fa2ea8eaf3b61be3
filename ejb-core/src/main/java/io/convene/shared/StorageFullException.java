package io.convene.shared;

/** Where Convene keeps files has no room left: nothing was kept; an administrator has to make room (507). */
public class StorageFullException extends DomainException {

    public StorageFullException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Insufficient storage";
    }
}
