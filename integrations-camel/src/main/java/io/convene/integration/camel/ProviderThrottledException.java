package io.convene.integration.camel;

/** A provider answered 429; the route waits what it asked (Retry-After) before trying again. */
public class ProviderThrottledException extends RuntimeException {

    private static final long MAX_WAIT_SECONDS = 30;
    private final long retryAfterSeconds;

    public ProviderThrottledException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Retry-After in seconds (RFC 9110 allows an HTTP date too; then, and when absent, 1 s), at most 30. */
    static long retryAfterSeconds(String header) {
        try {
            return Math.min(MAX_WAIT_SECONDS, Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
