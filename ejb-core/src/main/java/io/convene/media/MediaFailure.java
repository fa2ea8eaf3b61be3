package io.convene.media;

import jakarta.ejb.ApplicationException;

/**
 * The media server refused or could not be reached. An application exception: it reaches the
 * caller as it is (the channel tells the browser to try again), leaves the EJBs that passed it on
 * in service, and undoes what the transaction wrote.
 */
@ApplicationException(rollback = true)
public class MediaFailure extends RuntimeException {

    public MediaFailure(String message) {
        super(message);
    }

    public MediaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
