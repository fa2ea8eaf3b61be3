package io.convene.web.channel;

/**
 * How many messages one socket may still send: a bucket of {@code burst} that refills at
 * {@code perSecond}. A browser's bursts (a dozen subscriptions with their ICE candidates at once)
 * fit; a client sending without pause runs it dry.
 */
final class MessageAllowance {

    private final double burst;
    private final double perNano;
    private double left;
    private long lastNanos;

    MessageAllowance(double burst, double perSecond) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.left = burst;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one message's worth; false when none is left. */
    synchronized boolean take() {
        long now = System.nanoTime();
        left = Math.min(burst, left + (now - lastNanos) * perNano);
        lastNanos = now;
        if (left < 1) {
            return false;
        }
        left -= 1;
        return true;
    }
}
