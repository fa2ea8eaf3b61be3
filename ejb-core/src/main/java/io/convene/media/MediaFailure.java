package io.convene.media;

import jakarta.ejb.ApplicationException;

/**
 * The media server refused or could not be reached. An application exception: it reaches the
 * caller as it is (the channel tells the browser to try again) and leaves the EJBs that passed it on
 * in service.
 */
@ApplicationException
public class MediaFailure extends RuntimeException {

    public MediaFailure(String message) {
        super(message);
    }

    public MediaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
