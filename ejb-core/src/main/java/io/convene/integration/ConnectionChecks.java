package io.convene.integration;

import io.convene.audit.AuditAction;
import io.convene.audit.AuditTrail;
import io.convene.platform.Sealing;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * "Test connection": asks the provider whether a connection works without posting anything, and
 * keeps the answer on the connection like a delivery's (last success, or the provider's reason).
 */
@Stateless
public class ConnectionChecks {

    private static final Logger LOG = Logger.getLogger(ConnectionChecks.class.getName());

    @Inject
    ConnectionRepository connections;

    @EJB
    CalendarProviders calendars;

    @EJB
    ChatProviders chats;

    @Inject
    ConnectionHealth health;

    @Inject
    Sealing sealing;

    @Inject
    UserService users;

    @Inject
    AuditTrail audit;

    /** What the provider said; a refusal is a 503 with the provider's reason. Administrators, or the connection's owner. */
    public String check(Caller caller, UUID connectionId) {
        ServiceConnection c = connections.byId(connectionId).orElse(null);
        if (c == null || !(caller.isAdmin() || users.current(caller).id().equals(c.userId()))) {
            throw new NotFoundException("No such connection");
        }
        if (c.provider() == Provider.TEAMS) {
            throw new InvalidInputException("connection", "a Teams incoming webhook cannot be checked without posting a message;"
                    + " its last delivery shows whether it works");
        }
        if (c.provider() == Provider.SLACK && c.userId() == null && !caller.isAdmin()) {
            throw new AccessDeniedException("Only administrators check the organisation's Slack");
        }
        Announcement.Target target = c.target(sealing);
        try {
            String answer = c.provider().organisationWide() ? chats.check(target) : calendars.check(target);
            health.succeeded(c.id());
            audit.action(caller, AuditAction.INTEGRATION_CHECKED, "connection:" + c.id(), c.provider() + ": " + answer);
            LOG.info(() -> "Connection " + c.id() + " to " + c.provider() + " checked by " + caller.subject() + ": " + answer);
            return answer;
        } catch (IntegrationFailedException e) {
            health.failed(c.id(), e.getMessage());
            LOG.warning(() -> "Connection " + c.id() + " to " + c.provider() + " failed its check: " + e.getMessage());
            throw new UnavailableException(c.provider() + " refused: " + e.getMessage());
        }
    }
}
