package io.convene.shared;

/** Too many attempts: try again after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String title() {
        return "Too many attempts";
    }
}
