package io.convene.integration;

import jakarta.ejb.ApplicationException;

/**
 * An outside service refused or could not be reached (after the route's own retries): the delivery
 * rolls back and the broker retries it; the message is what the provider said, recorded on the
 * connection for administrators.
 */
@ApplicationException(rollback = true)
public class IntegrationFailedException extends RuntimeException {

    public IntegrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
