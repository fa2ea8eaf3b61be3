package io.convene.notification;

import com.nimbusds.jwt.JWTClaimsSet;
import io.convene.platform.SignedTickets;
import io.convene.shared.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * A short ticket that opens one person's {@code /ws/notifications} from a browser, which cannot send
 * a bearer token with a WebSocket: it names the user, lasts two minutes and opens nothing else.
 */
@ApplicationScoped
public class NotificationTickets {

    private static final String KEY = "notification-ticket-hmac";
    private static final String AUDIENCE = "convene-notifications";
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    @Inject
    SignedTickets tickets;

    SignedTickets.Ticket issue(UUID userId) {
        return tickets.issue(KEY, AUDIENCE, LIFETIME, new JWTClaimsSet.Builder().subject(userId.toString()));
    }

    /** The user a genuine, current ticket names; anything else is refused. */
    UUID verify(String ticket) {
        try {
            return UUID.fromString(tickets.verified(KEY, AUDIENCE, ticket).getSubject());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("Invalid ticket");
        }
    }
}
