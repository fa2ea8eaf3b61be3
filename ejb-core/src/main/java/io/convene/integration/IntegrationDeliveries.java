package io.convene.integration;

import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.platform.Sealing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import io.convene.shared.QueueMessages;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One announcement to one connection: reads the meeting as it is now, opens the connection's
 * secret, hands both to the provider's port, and records how it went on the connection (kept even when the
 * delivery rolls back to be retried). A delivery that already went through is not sent again; one
 * refused before connecting (not a public address: {@link OutboundAddresses}) is recorded as failed
 * and not retried.
 */
@ApplicationScoped
public class IntegrationDeliveries {

    private static final Logger LOG = Logger.getLogger(IntegrationDeliveries.class.getName());

    @Inject
    io.convene.notification.SentCounter sentCounter;

    @Inject
    ConnectionRepository connections;

    @Inject
    WebhookRepository webhooks;

    @Inject
    io.convene.meeting.MeetingRepository meetings;

    @EJB
    ChatProviders chats;

    @EJB
    WebhookSender webhookSender;

    @EJB
    ConnectionHealth health;

    @Inject
    JoinLinks links;

    @Inject
    Sealing sealing;

    @EJB
    WebhookLog webhookLog;

    @Inject
    CalendarCopies calendars;

    @Inject
    java.time.Clock clock;

    void deliver(String message) {
        IntegrationDelivery d = QueueMessages.read(message, IntegrationDelivery.class);
        UUID deliveryId = d.deliveryId();
        if (d.isDirectMessage()) {
            directMessage(deliveryId, d);
            return;
        }
        Announcement.Event event = d.event();
        Meeting meeting = meetings.byId(d.meetingId()).orElse(null);
        if (d.webhookId() != null) {
            WebhookEndpoint endpoint = webhooks.byId(d.webhookId()).orElse(null);
            if (meeting == null || endpoint == null) {
                LOG.info(() -> "Webhook delivery " + deliveryId + " dropped: meeting or webhook gone");
                return;
            }
            callWebhook(deliveryId, event, meeting, endpoint);
            return;
        }
        ServiceConnection connection = connections.byId(d.connectionId()).orElse(null);
        if (meeting == null || connection == null) {
            LOG.info(() -> "Integration delivery " + deliveryId + " dropped: meeting or connection gone");
            return;
        }
        if (alreadyDone(deliveryId)) {
            LOG.info(() -> "Integration delivery " + deliveryId + " was done before; not repeated");
            return;
        }
        Announcement.Target target = connection.target(sealing);
        try {
            if (connection.provider().organisationWide()) {
                chats.announce(new Announcement(event, meeting.id(), meeting.title(), meeting.agenda(), meeting.code(),
                        meeting.slot().start(), meeting.slot().end(), meeting.timeZone().getId(), meeting.host().name(),
                        links.of(meeting), List.of(), List.of(target), null), target);
            } else {
                calendars.push(meeting, target, connection);
            }
        } catch (OutboundCallRefusedException e) {
            health.failed(connection.id(), e.getMessage());
            LOG.warning(() -> "Integration delivery " + deliveryId + " " + event + " to " + connection.provider()
                    + " refused before connecting, not retried: " + e.detail());
            return;
        } catch (IntegrationFailedException e) {
            health.failed(connection.id(), e.getMessage());
            LOG.warning(() -> "Integration delivery " + deliveryId + " " + event + " to " + connection.provider()
                    + " failed (retried by the broker): " + e);
            throw e;
        }
        health.succeeded(connection.id());
        connections.delivered(deliveryId, connection.id());
        LOG.info(() -> "Integration delivery " + deliveryId + " " + event + " of meeting " + meeting.id() + " to "
                + connection.provider() + " done");
    }

    /** A notice as a Slack direct message to the participant (found in Slack by their e-mail). */
    private void directMessage(UUID deliveryId, IntegrationDelivery d) {
        Meeting meeting = meetings.byId(d.meetingId()).orElse(null);
        ServiceConnection slack = connections.byId(d.connectionId()).orElse(null);
        io.convene.meeting.Participation to = meeting == null ? null
                : meeting.participation(d.participationId()).orElse(null);
        if (slack == null || to == null || to.email() == null || alreadyDone(deliveryId)) {
            LOG.info(() -> "Slack message " + deliveryId + " dropped: done before, or Slack, meeting or person gone");
            return;
        }
        io.convene.notification.NoticeKind kind = d.notice();
        String when = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", java.util.Locale.ENGLISH)
                .format(meeting.slot().start().atZone(meeting.timeZone()));
        String text = kind.headline(meeting.title()) + " (" + when + ", " + meeting.timeZone().getId() + ")"
                + (kind == io.convene.notification.NoticeKind.CANCELLED ? "." : ". Join: " + links.of(meeting));
        Announcement.Target target = slack.target(sealing);
        try {
            chats.slackDirectMessage(target, to.email(), text);
        } catch (OutboundCallRefusedException e) {
            health.failed(slack.id(), e.getMessage());
            LOG.warning(() -> "Slack message " + deliveryId + " refused before connecting, not retried: " + e.detail());
            return;
        } catch (IntegrationFailedException e) {
            health.failed(slack.id(), e.getMessage());
            throw e;
        }
        health.succeeded(slack.id());
        connections.delivered(deliveryId, slack.id());
        sentCounter.sent(io.convene.notification.Channel.SLACK, 1);
        LOG.info(() -> "Slack message " + deliveryId + " " + kind + " sent for participation " + to.id());
    }

    private void callWebhook(UUID deliveryId, Announcement.Event event, Meeting meeting, WebhookEndpoint endpoint) {
        if (webhookLog.delivered(deliveryId)) {
            LOG.info(() -> "Webhook delivery " + deliveryId + " was done before; not repeated");
            return;
        }
        String name = "meeting." + event.name().toLowerCase();
        String body = Jsons.createObjectBuilder().add("id", deliveryId.toString()).add("event", name)
                .add("createdAt", clock.instant().toString())
                .add("meeting", Jsons.createObjectBuilder().add("id", meeting.id().toString()).add("code", meeting.code())
                        .add("title", meeting.title()).add("start", meeting.slot().start().toString())
                        .add("end", meeting.slot().end().toString()).add("timeZone", meeting.timeZone().getId())
                        .add("status", meeting.status().name())
                        .add("host", Jsons.createObjectBuilder().add("name", meeting.host().name())
                                .add("email", meeting.host().email())))
                .build().toString();
        webhookLog.attempted(deliveryId, endpoint.id(), event, meeting.id(), clock.instant());
        int status;
        try {
            status = webhookSender.call(new WebhookCall(deliveryId, endpoint.url(), sealing.open(endpoint.secretSealed()),
                    name, body));
        } catch (OutboundCallRefusedException e) { // nothing was sent: trying again would only probe the address
            webhookLog.failed(deliveryId, e.getMessage());
            LOG.warning(() -> "Webhook delivery " + deliveryId + " refused before connecting, not retried: " + e.detail());
            return;
        } catch (IntegrationFailedException e) {
            webhookLog.failed(deliveryId, e.getMessage());
            LOG.warning(() -> "Webhook delivery " + deliveryId + " to " + endpoint.url() + " failed (retried by the broker): "
                    + e.getMessage());
            throw e;
        }
        webhookLog.succeeded(deliveryId, status, clock.instant());
        LOG.info(() -> "Webhook delivery " + deliveryId + " " + name + " to " + endpoint.url() + " done: HTTP " + status);
    }

    private boolean alreadyDone(UUID deliveryId) {
        return connections.wasDelivered(deliveryId);
    }
}
