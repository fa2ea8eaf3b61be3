package io.convene.web.notification;

import io.convene.notification.NotificationService;
import io.convene.shared.DomainException;
import io.convene.web.api.Callers;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code /ws/notifications}: a signed-in user's notifications as they are stored, opened with a
 * bearer token, or from a browser with the ticket {@code POST /api/notifications/ticket} gives
 * ({@code ?ticket=}). Greets with {@code hello} (how many are unread), then pushes each new notification;
 * answers {@code ping} with {@code pong}. Listing and marking read stay on the REST API.
 */
@ServerEndpoint("/ws/notifications")
public class NotificationSocket {

    private static final Logger LOG = Logger.getLogger(NotificationSocket.class.getName());
    private static final String SUBSCRIBER = "convene.notification-subscriber";

    @Inject
    NotificationHub hub;

    @Inject
    NotificationService notifications;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> ticket = session.getRequestParameterMap().get("ticket");
        boolean bearer = session.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null;
        if (!bearer && (ticket == null || ticket.isEmpty())) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in with a bearer token or a ticket"));
            return;
        }
        NotificationService.Listener listener;
        try {
            listener = bearer ? notifications.listen(Callers.of((JsonWebToken) session.getUserPrincipal()))
                    : notifications.listen(ticket.get(0));
        } catch (DomainException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not allowed: " + e.getMessage()));
            return;
        }
        session.setMaxIdleTimeout(0);
        NotificationHub.Subscriber s = hub.subscribe(session, listener);
        session.getUserProperties().put(SUBSCRIBER, s);
        NotificationHub.send(s, Jsons.createObjectBuilder().add("type", "hello").add("unread", listener.unread())
                .add("position", listener.position()).build());
        hub.deliver(listener.userId()); // whatever was stored between reading the position and subscribing
    }

    @OnMessage
    public void message(Session session, String text) throws IOException {
        NotificationHub.Subscriber s = (NotificationHub.Subscriber) session.getUserProperties().get(SUBSCRIBER);
        if (s == null) {
            return;
        }
        String reply = text.contains("\"ping\"") ? "pong" : "error";
        NotificationHub.send(s, Jsons.createObjectBuilder().add("type", reply).build());
    }

    @OnClose
    public void close(Session session) {
        NotificationHub.Subscriber s = (NotificationHub.Subscriber) session.getUserProperties().get(SUBSCRIBER);
        if (s != null) {
            hub.unsubscribe(s);
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        LOG.log(Level.FINE, "Notification socket error", t);
        close(session);
    }
}
