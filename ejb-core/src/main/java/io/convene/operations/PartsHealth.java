package io.convene.operations;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.notification.MailSender;
import io.convene.platform.DatabaseSchema;
import io.convene.platform.DatabaseReach;
import io.convene.shared.Caller;
import io.convene.user.IdentityProvider;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each part Convene depends on is doing, asked now: the database, Keycloak, the broker, the
 * media server, the mail server, and each kind of integration (from how its connections last went). For the console.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartsHealth {

    @Inject
    Permissions permissions;

    public enum State { UP, DOWN, OFF }

    /** {@code detail}: what was found; {@code lastError}: the latest failure remembered, if any. */
    public record Part(String name, State state, String detail, String lastError, Instant lastErrorAt) {
    }

    @jakarta.ejb.EJB
    DatabaseReach reach;

    @jakarta.ejb.EJB
    DatabaseSchema migration;

    @Resource(lookup = "jms/convene")
    ConnectionFactory broker;

    @Inject
    MailSender mail;

    @jakarta.ejb.EJB
    io.convene.media.MediaServer media;

    @Inject
    io.convene.integration.ConnectionRepository connections;

    @jakarta.ejb.EJB
    IdentityProvider identity;

    public List<Part> check(Caller caller) {
        permissions.require(caller, Permission.SEE_PARTS_HEALTH);
        List<Part> parts = new ArrayList<>(List.of(database(), keycloak(), broker(), media(), mail()));
        parts.addAll(integrations());
        return parts;
    }

    /** The parts a node cannot serve without: the public readiness check asks each one's state. */
    public enum Essential { DATABASE, KEYCLOAK, BROKER, MEDIA }

    /** One essential part's state, asked now (no caller: readiness is public and tells nothing more). */
    public State state(Essential part) {
        return switch (part) {
            case DATABASE -> database().state();
            case KEYCLOAK -> keycloak().state();
            case BROKER -> broker().state();
            case MEDIA -> media().state();
        };
    }

    /** The mail server alone, asked now: the console's SMTP test. */
    public Part mailServer(Caller caller) {
        permissions.require(caller, Permission.SEE_PARTS_HEALTH);
        return mail();
    }

    private Part database() {
        if (!migration.migrated()) {
            return down("Database", "Convene's migrations are not applied yet");
        }
        return reach.problem().map(problem -> down("Database", problem)).orElseGet(() -> up("Database", "PostgreSQL answers"));
    }

    private Part keycloak() {
        try {
            IdentityProvider.Probe probe = identity.probe();
            return probe.answers() ? up("Keycloak", probe.detail()) : down("Keycloak", probe.detail());
        } catch (RuntimeException e) { // the adapter itself failed: Keycloak cannot be told to be up
            return down("Keycloak", "its adapter failed: " + e.getClass().getSimpleName());
        }
    }

    private Part broker() {
        try (JMSContext context = broker.createContext();
             jakarta.jms.QueueBrowser browser = context.createBrowser(context.createQueue(io.convene.notification.DeadLetters.QUEUE))) {
            browser.getEnumeration().hasMoreElements(); // a round trip: a pooled connection may outlive the broker
            return up("Message broker", "Artemis accepts connections");
        } catch (Exception e) {
            return down("Message broker", e.getMessage());
        }
    }

    private Part media() {
        if (!media.configured()) {
            return new Part("Media server", State.OFF, "none configured (convene.media.janus-url): meetings have no audio or video",
                    null, null);
        }
        try {
            return up("Media server", media.probe());
        } catch (Exception e) {
            return down("Media server", reason(e));
        }
    }

    /** The reason an EJB gave, not the container's wrapping of it. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause instanceof jakarta.ejb.EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private Part mail() {
        if (!mail.enabled()) {
            return new Part("Mail", State.OFF, "convene.mail.host is not set: e-mail notices are skipped", null, null);
        }
        try {
            return up("Mail", mail.probe());
        } catch (Exception e) {
            return down("Mail", e.getMessage());
        }
    }

    /** Per provider: how many connections, how many failing now, and the latest failure. */
    private List<Part> integrations() {
        Map<String, List<io.convene.integration.ServiceConnection>> byProvider = new TreeMap<>();
        for (io.convene.integration.ServiceConnection c : connections.all()) {
            byProvider.computeIfAbsent(c.provider().name(), k -> new ArrayList<>()).add(c);
        }
        List<Part> parts = new ArrayList<>();
        byProvider.forEach((provider, all) -> {
            long failing = all.stream().filter(io.convene.integration.ServiceConnection::failing).count();
            io.convene.integration.ServiceConnection latest = all.stream().filter(c -> c.lastErrorAt() != null)
                    .max(java.util.Comparator.comparing(io.convene.integration.ServiceConnection::lastErrorAt)).orElse(null);
            parts.add(new Part("Integration " + provider, failing == 0 ? State.UP : State.DOWN,
                    all.size() + " connection(s), " + failing + " failing",
                    latest == null ? null : latest.lastError(), latest == null ? null : latest.lastErrorAt()));
        });
        return parts;
    }

    private static Part up(String name, String detail) {
        return new Part(name, State.UP, detail, null, null);
    }

    private static Part down(String name, String detail) {
        return new Part(name, State.DOWN, detail, detail, Instant.now());
    }
}
