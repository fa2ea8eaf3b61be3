package io.convene.integration;

import jakarta.ejb.ApplicationException;

/**
 * An outbound call refused before any connection was made: its host is not (only) a public
 * address ({@link OutboundAddresses}). Not rolled back and not retried: trying again would only
 * probe the same address. The message, recorded for administrators, says the same for every
 * refused host; {@link #detail()} (for the server log) says which host and why.
 */
@ApplicationException(rollback = false)
public class OutboundCallRefusedException extends IntegrationFailedException {

    private final String detail;

    public OutboundCallRefusedException(String message, String detail) {
        super(message, null);
        this.detail = detail;
    }

    /** Which host, and whether it did not resolve or resolved to a non-public address. */
    public String detail() {
        return detail;
    }
}
