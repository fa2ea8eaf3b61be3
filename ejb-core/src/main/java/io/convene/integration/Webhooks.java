package io.convene.integration;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.platform.Sealing;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Outgoing webhooks, for administrators: register an endpoint for some meeting events (its signing
 * secret is shown once, at registration), list, remove, and read the log of deliveries. An endpoint
 * must be on a public address ({@link OutboundAddresses}), checked here and again at every delivery.
 */
@Stateless
public class Webhooks {

    @Inject
    Permissions permissions;

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LOG_LIMIT = 100;

    @Inject
    WebhookRepository webhooks;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    /** An endpoint as administrators see it (never the secret). */
    public record EndpointView(UUID id, String url, Set<Announcement.Event> events, Instant createdAt) {
        static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id(), e.url(), e.events(), e.createdAt());
        }
    }

    /** A new endpoint with the secret its payloads are signed with: shown this once. */
    public record Registered(EndpointView endpoint, String secret) {
    }

    /** One delivery in the log. */
    public record DeliveryView(UUID id, String event, UUID meetingId, int attempts, Integer lastStatus, String lastError,
                               Instant firstAttemptAt, Instant lastAttemptAt, Instant deliveredAt) {
    }

    @jakarta.inject.Inject
    io.convene.audit.AuditTrail audit;

    public Registered register(Caller caller, String url, Set<Announcement.Event> events) {
        permissions.require(caller, Permission.MANAGE_WEBHOOKS);
        String checked = OutboundAddresses.configured().checkedUrl("url", url).toString();
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "choose at least one event");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        WebhookEndpoint endpoint = new WebhookEndpoint(checked, EnumSet.copyOf(events), sealing.seal(secret), clock.instant());
        webhooks.add(endpoint);
        audit.action(caller, AuditAction.WEBHOOK_REGISTERED, "webhook:" + endpoint.id(), checked);
        LOG.info(() -> "Webhook " + endpoint.id() + " to " + checked + " for " + events + " registered by " + caller.subject());
        return new Registered(EndpointView.of(endpoint), secret);
    }

    public List<EndpointView> list(Caller caller) {
        permissions.require(caller, Permission.MANAGE_WEBHOOKS);
        return webhooks.all().stream().map(EndpointView::of).toList();
    }

    public void remove(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_WEBHOOKS);
        webhooks.remove(endpoint(id));
        audit.action(caller, AuditAction.WEBHOOK_REMOVED, "webhook:" + id, null);
        LOG.info(() -> "Webhook " + id + " removed by " + caller.subject());
    }

    /** The newest deliveries first, at most {@value #LOG_LIMIT}. */
    public List<DeliveryView> deliveries(Caller caller, UUID id) {
        permissions.require(caller, Permission.MANAGE_WEBHOOKS);
        endpoint(id);
        return webhooks.deliveries(id, LOG_LIMIT);
    }

    private WebhookEndpoint endpoint(UUID id) {
        return webhooks.byId(id).orElseThrow(() -> new NotFoundException("No such webhook"));
    }

}
