package io.convene.integration;

import io.convene.audit.AuditTrail;
import io.convene.audit.AuditTrails;
import io.convene.audit.InMemoryAuditRepository;
import io.convene.audit.InMemoryAuditRepository.Audited;
import io.convene.meeting.JoinLinks;
import io.convene.meeting.MeetingFixtures;
import io.convene.meeting.MeetingWorld;
import io.convene.notification.InMemorySentCounts;
import io.convene.notification.Notices;
import io.convene.notification.RecordingBroker;
import io.convene.notification.RolePermissions;
import io.convene.notification.SentCounters;
import io.convene.platform.PlatformFixtures;
import io.convene.platform.Sealing;
import io.convene.user.User;
import io.convene.user.UserPorts;
import java.util.List;

/**
 * The integration context's use cases wired to repositories in memory and recording provider ports,
 * on a {@link MeetingWorld}: what CDI and EJB do in the suite. Secrets are sealed for real (a key
 * kept in memory), the audit trail is the real one over {@link InMemoryAuditRepository}.
 */
final class IntegrationWorld {

    final MeetingWorld world = new MeetingWorld();
    final InMemoryConnections connections = new InMemoryConnections(id -> world.users.byId(id).map(User::email).orElse(null));
    final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    final InMemoryCalendarCopies copies = new InMemoryCalendarCopies();
    final InMemoryAuditRepository audit = new InMemoryAuditRepository();
    final InMemorySentCounts sentCounts = new InMemorySentCounts();
    final RecordingProviders providers = new RecordingProviders();
    final RecordingBroker broker = new RecordingBroker();
    final Sealing sealing = PlatformFixtures.sealing();
    final AuditTrail auditTrail = AuditTrails.of(audit, UserPorts.auditedPeople(world.userService), world.clock);
    final JoinLinks links = MeetingFixtures.joinLinks();
    final Notices notices = broker.notices(world.clock);
    final ConnectionHealth health = new ConnectionHealth();
    final WebhookLog webhookLog = new WebhookLog();
    final CalendarCopies calendarCopies = new CalendarCopies();
    final Integrations integrations = new Integrations();
    final Webhooks webhookService = new Webhooks();
    final Announcements announcements = new Announcements();
    final IntegrationDeliveries deliveries = new IntegrationDeliveries();

    IntegrationWorld() {
        RolePermissions permissions = new RolePermissions(world.users);

        health.connections = connections;
        health.clock = world.clock;
        webhookLog.webhooks = webhooks;
        calendarCopies.copies = copies;
        calendarCopies.meetings = world.meetings;
        calendarCopies.calendars = providers;
        calendarCopies.links = links;

        integrations.permissions = permissions;
        integrations.connections = connections;
        integrations.users = world.userService;
        integrations.sealing = sealing;
        integrations.clock = world.clock;
        integrations.audit = auditTrail;

        webhookService.permissions = permissions;
        webhookService.webhooks = webhooks;
        webhookService.sealing = sealing;
        webhookService.clock = world.clock;
        webhookService.audit = auditTrail;

        announcements.connections = connections;
        announcements.webhooks = webhooks;
        announcements.jms = broker.context();

        deliveries.sentCounter = SentCounters.of(sentCounts, world.clock);
        deliveries.connections = connections;
        deliveries.webhooks = webhooks;
        deliveries.meetings = world.meetings;
        deliveries.chats = providers;
        deliveries.webhookSender = providers;
        deliveries.health = health;
        deliveries.links = links;
        deliveries.sealing = sealing;
        deliveries.webhookLog = webhookLog;
        deliveries.calendars = calendarCopies;
        deliveries.clock = world.clock;
    }


    /** The audit trail, oldest first. */
    List<Audited> audited() {
        return audit.audited();
    }

    /** A connection made directly (as an earlier request would have): the organisation's when {@code owner} is null. */
    ServiceConnection connected(Provider provider, User owner, String settings, String secret) {
        ServiceConnection c = new ServiceConnection(provider, owner == null ? null : owner.id(), settings,
                secret == null ? null : sealing.seal(secret), world.clock.instant());
        connections.add(c);
        return c;
    }
}
