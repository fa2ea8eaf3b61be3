package io.convene.operations;

import io.convene.platform.ProductCounters;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The product's figures on {@code /metrics} for a Prometheus scrape (with ProductCounters'
 * counters): meetings live, participants in them, notifications sent, dead letters waiting,
 * the latest directory synchronisation's duration, bytes of recordings kept. Each is read when
 * scraped; one that cannot be read then (the database or broker away) is NaN, not an error.
 */
@Singleton
@Startup
public class ProductMetrics {

    private static final Logger LOG = Logger.getLogger(ProductMetrics.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @EJB
    ProductFigures figures;

    @Inject
    ProductCounters counters;

    @EJB
    io.convene.notification.DeadLetters deadLetters;

    @PostConstruct
    void register() {
        counters.register();
        gauge("convene.meetings.live", "Meetings live now", figures::meetingsLive);
        gauge("convene.participants.present", "People in live meetings now", figures::participantsPresent);
        gauge("convene.notifications.sent", "Notifications sent, every channel", figures::notificationsSent);
        gauge("convene.notifications.dead.letters", "Deliveries parked on the dead-letter queue",
                () -> (double) deadLetters.waiting());
        gauge("convene.directory.sync.seconds", "Duration of the latest successful directory synchronisation",
                figures::lastDirectorySyncSeconds);
        gauge("convene.recordings.bytes", "Bytes of the recordings kept", figures::recordingBytes);
    }

    private void gauge(String name, String description, Supplier<Double> read) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), read, r -> {
            try {
                return r.get();
            } catch (RuntimeException e) {
                LOG.fine(() -> name + " could not be read: " + e);
                return Double.NaN;
            }
        });
    }
}
