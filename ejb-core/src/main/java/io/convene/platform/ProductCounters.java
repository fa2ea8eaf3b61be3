package io.convene.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What happens on this node, counted for the metrics scrape ({@code /metrics}): joins, chat
 * messages, notification deliveries that failed. Prometheus turns them into rates (joins/s).
 */
@ApplicationScoped
public class ProductCounters {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Every counter at 0 from the start, so a scrape (and a dashboard) sees them before the first event. */
    public void register() {
        metrics.counter("convene.joins");
        metrics.counter("convene.chat.messages");
        metrics.counter("convene.notifications.failed", new Tag("channel", "EMAIL"));
    }

    public void joined() {
        metrics.counter("convene.joins").inc();
    }

    public void chatSent() {
        metrics.counter("convene.chat.messages").inc();
    }

    /** A delivery attempt on a channel (EMAIL, SLACK, ...) failed; the broker may retry it. */
    public void deliveryFailed(String channel) {
        Counter failed = metrics.counter("convene.notifications.failed", new Tag("channel", channel));
        failed.inc();
    }
}
