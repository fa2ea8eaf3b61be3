package io.convene.integration;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.platform.Sealing;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Connecting and disconnecting outside services, and seeing how they go. */
@Stateless
public class Integrations {

    @Inject
    Permissions permissions;

    private static final Logger LOG = Logger.getLogger(Integrations.class.getName());

    @Inject
    ConnectionRepository connections;

    @Inject
    UserService users;

    @Inject
    Sealing sealing;

    @Inject
    Clock clock;

    @Inject
    io.convene.audit.AuditTrail audit;

    /** A connection with whose it is (null: the organisation's) and when its calendar was last read back. */
    public record Status(ConnectionView connection, String owner, java.time.Instant syncedAt) {
    }

    public Optional<ConnectionView> change(Caller caller, ConnectRequest request) {
        User me = users.current(caller);
        Provider provider = request.provider();
        if (provider.organisationWide() && !caller.isAdmin()) {
            throw new AccessDeniedException("Only administrators connect " + provider + " for the organisation");
        }
        UUID owner = provider.organisationWide() ? null : me.id();
        Optional<ServiceConnection> existing = find(provider, owner);
        if (request.action() == ConnectRequest.Action.DISCONNECT) {
            ServiceConnection gone = existing.orElseThrow(() -> new NotFoundException(provider + " is not connected"));
            connections.remove(gone);
            if (owner == null) {
                audit.action(caller, AuditAction.INTEGRATION_DISCONNECTED, "provider:" + provider, null);
            }
            LOG.info(() -> provider + " disconnected by user " + me.id());
            return Optional.empty();
        }
        String settings = settings(provider, withMailbox(provider, request.settings(), me, caller));
        if (provider == Provider.MICROSOFT) { // Convene's own app credentials (configuration) reach the mailbox
            return Optional.of(ConnectionView.of(save(existing.orElse(null), provider, owner, settings, null)));
        }
        if (request.secret() == null || request.secret().isBlank()) {
            throw new InvalidInputException("secret", "the provider's token is needed to connect");
        }
        if (provider == Provider.TEAMS) { // the channel's incoming-webhook URL: on a public address, like a webhook's
            OutboundAddresses.configured().checkedUrl("secret", request.secret());
        }
        ServiceConnection c = save(existing.orElse(null), provider, owner, settings, sealing.seal(request.secret().strip()));
        if (request.signingSecret() != null && !request.signingSecret().isBlank()) { // none given: a reconnect keeps the one there
            c.signWith(sealing.seal(request.signingSecret().strip()));
        }
        if (owner == null) {
            audit.action(caller, AuditAction.INTEGRATION_CONNECTED, "provider:" + provider, null);
        }
        LOG.info(() -> provider + " connected by user " + me.id() + (owner == null ? " for the organisation" : ""));
        return Optional.of(ConnectionView.of(c));
    }

    /**
     * A calendar connected through its provider's consent screen ({@link CalendarConsent}): Google with
     * the refresh token it gave, Outlook with the mailbox that consented (Convene's app reaches it).
     */
    public ConnectionView connectConsented(User owner, Provider provider, CalendarGrant grant) {
        Optional<ServiceConnection> existing = find(provider, owner.id());
        ServiceConnection c = provider == Provider.GOOGLE
                ? save(existing.orElse(null), provider, owner.id(), settings(provider, Map.of()), sealing.seal(grant.refreshToken()))
                : save(existing.orElse(null), provider, owner.id(), settings(provider, Map.of("userId",
                        grant.account() == null ? owner.email() : grant.account())), null);
        LOG.info(() -> provider + " connected through its consent screen by user " + owner.id());
        return ConnectionView.of(c);
    }

    private ServiceConnection save(ServiceConnection existing, Provider provider, UUID owner, String settings, String sealed) {
        if (existing == null) {
            ServiceConnection c = new ServiceConnection(provider, owner, settings, sealed, clock.instant());
            connections.add(c);
            return c;
        }
        existing.reconnect(settings, sealed, clock.instant());
        return existing;
    }

    /** Outlook: one's own mailbox (the user's e-mail unless given); only administrators name another. */
    private static Map<String, String> withMailbox(Provider provider, Map<String, String> given, User me, Caller caller) {
        if (provider != Provider.MICROSOFT) {
            return given;
        }
        Map<String, String> s = new java.util.HashMap<>(given == null ? Map.of() : given);
        String mailbox = s.getOrDefault("userId", me.email()).strip();
        if (!mailbox.equalsIgnoreCase(me.email()) && !caller.isAdmin()) {
            throw new AccessDeniedException("Only your own mailbox can be connected");
        }
        s.put("userId", mailbox);
        return s;
    }

    /** The caller's own connections, and (administrators) the organisation's. */
    public List<ConnectionView> list(Caller caller) {
        User me = users.current(caller);
        return connections.visibleTo(me.id(), caller.isAdmin()).stream().map(ConnectionView::of).toList();
    }

    /**
     * Every connection, for administrators: the organisation's first, then the failing ones, at most
     * {@code limit}; {@link #count} tells how many each provider has.
     */
    public List<Status> overview(Caller caller, int limit) {
        permissions.require(caller, Permission.MANAGE_CONNECTIONS);
        return connections.overview(Math.max(1, Math.min(1000, limit))).stream()
                .map(o -> new Status(ConnectionView.of(o.connection()), o.ownerEmail(), o.connection().syncedAt())).toList();
    }

    /** How many connections each provider has. */
    public Map<Provider, Long> count(Caller caller) {
        permissions.require(caller, Permission.MANAGE_CONNECTIONS);
        return connections.countByProvider();
    }

    private Optional<ServiceConnection> find(Provider provider, UUID owner) {
        return connections.of(provider, owner);
    }

    /** The provider's settings, checked: what each needs to be told where to post or sync. */
    private static String settings(Provider provider, Map<String, String> given) {
        Map<String, String> s = given == null ? Map.of() : given;
        JsonObjectBuilder json = Jsons.createObjectBuilder();
        switch (provider) {
            case SLACK -> json.add("channel", required(s, "channel"));
            case TEAMS -> { } // the channel's incoming-webhook URL is the secret: it carries its own key
            case GOOGLE -> json.add("calendarId", s.getOrDefault("calendarId", "primary"));
            case MICROSOFT -> json.add("userId", required(s, "userId"));
        }
        return json.build().toString();
    }

    private static String required(Map<String, String> s, String name) {
        String value = s.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("settings." + name, "required for this provider");
        }
        return value.strip();
    }
}
