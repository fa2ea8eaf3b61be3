package io.convene.web.channel;

import io.convene.chat.ChatSend;
import io.convene.media.MediaFailure;
import io.convene.media.MeetingMedia;
import io.convene.meeting.ControlAction;
import io.convene.meeting.ControlRequest;
import io.convene.meeting.MeetingChannel;
import io.convene.meeting.MeetingControls;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.DomainException;
import io.convene.web.api.Callers;
import io.convene.shared.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The meeting channel, {@code /ws/meetings/{id}}: opened with {@code ?ticket=} (from the join) or a
 * bearer token, and {@code &after=} when reconnecting; greets with a {@code hello} carrying the
 * current state and seq, then pushes every event the participant may see (after {@code after}). Clients send {@code resume}, {@code control}, {@code chat.send} and {@code ping}
 * (docs/meeting-channel.md). Bad messages are answered with an {@code error} and change nothing;
 * the connection stays up.
 */
@ServerEndpoint("/ws/meetings/{id}")
public class MeetingSocket {

    private static final Logger LOG = Logger.getLogger(MeetingSocket.class.getName());
    static final int MAX_MESSAGE_CHARS = 16 * 1024;
    private static final String SUBSCRIBER = "convene.subscriber";

    @Inject
    ChannelHub hub;

    @Inject
    MeetingChannel channel;

    @Inject
    MeetingControls controls;

    @Inject
    MeetingMedia media;

    @Inject
    ChannelChat chat;

    @Inject
    Validator validator;

    @OnOpen
    public void open(Session session, @PathParam("id") String meeting) throws IOException {
        MeetingChannel.Listener listener;
        try {
            listener = connect(session, meeting);
        } catch (AuthenticationFailedException | NotFoundException | AccessDeniedException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not allowed: " + e.getMessage()));
            return;
        } catch (DomainException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage()));
            return;
        }
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(1024 * 1024);
        ChannelHub.Subscriber s = hub.subscriber(session, listener, startAfter(session, listener.seq()),
                List.of("true").equals(session.getRequestParameterMap().get("coalesce")));
        s.media = new MediaLinks(s, media);
        session.getUserProperties().put(SUBSCRIBER, s);
        synchronized (s) { // registered and greeted before any delivery reaches it
            hub.subscribe(s);
            s.text(listener.hello().toString());
        }
        LOG.fine(() -> "Channel opened for participation " + listener.participationId());
        hub.catchUp(s);
    }

    /**
     * Where the socket starts: after the greeting's seq, or after {@code ?after=} (the last seq a
     * reconnecting client saw), whose events it is then sent first, in order. One beyond the
     * greeting's, or not a number, starts at the greeting.
     */
    private static long startAfter(Session session, long helloSeq) {
        List<String> after = session.getRequestParameterMap().get("after");
        if (after == null || after.isEmpty()) {
            return helloSeq;
        }
        try {
            long seq = Long.parseLong(after.get(0));
            return seq >= 0 && seq <= helloSeq ? seq : helloSeq;
        } catch (NumberFormatException e) {
            return helloSeq;
        }
    }

    private MeetingChannel.Listener connect(Session session, String meeting) {
        List<String> tickets = session.getRequestParameterMap().get("ticket");
        if (tickets != null && !tickets.isEmpty()) {
            return channel.connectWithTicket(meeting, tickets.get(0));
        }
        if (session.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            return channel.connectAsUser(Callers.of(jwt), meeting);
        }
        throw new AuthenticationFailedException("Open the channel with ?ticket= from the join, or a bearer token");
    }

    @OnMessage
    public void message(Session session, String text) throws IOException {
        ChannelHub.Subscriber s = (ChannelHub.Subscriber) session.getUserProperties().get(SUBSCRIBER);
        if (s == null) {
            return;
        }
        if (!s.messages.take()) {
            LOG.info(() -> "Channel socket of participation " + s.participationId + " sent too many messages; closed");
            hub.close(s, ChannelHub.FLOODING);
            return;
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            s.send(error("too-large", "Messages are at most " + MAX_MESSAGE_CHARS + " characters"));
            return;
        }
        JsonObject message;
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            s.send(error("malformed", "Send one JSON object per message"));
            return;
        }
        String type = message.getString("type", "");
        try {
            switch (type) {
                case "ping" -> s.send(Jsons.createObjectBuilder().add("type", "pong").build());
                case "resume" -> hub.resume(s, message.getJsonNumber("after").longValueExact());
                case "control" -> control(s, message);
                case "chat.send" -> chatSend(s, message);
                case "media.publish" -> s.media.publish(message);
                case "media.subscribe" -> s.media.subscribe(message);
                case "media.answer" -> s.media.answer(message);
                case "media.candidate" -> s.media.candidate(message);
                case "media.hangup" -> s.media.hangUp(message);
                case "media.quality" -> s.media.quality(message);
                case "media.feeds" -> s.media.feeds();
                default -> s.send(error("unknown-type", "Unknown message type '" + type + "'"));
            }
        } catch (DomainException e) {
            s.send(error("refused", e.getMessage()));
        } catch (ClassCastException | NullPointerException | ArithmeticException | IllegalArgumentException e) {
            s.send(error("invalid", "Fields missing or of the wrong type for '" + type + "'"));
        } catch (MediaFailure e) { // the media server refused or is unreachable: said in the log, not to clients
            LOG.warning(() -> "Channel message '" + type + "' of participation " + s.participationId + ": " + e.getMessage());
            s.send(error("media-failed", "The media server could not do that now; try again"));
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Channel message '" + type + "' of participation " + s.participationId + " failed", e);
            s.send(error("failed", "That failed on the server; try again"));
        }
    }

    private void control(ChannelHub.Subscriber s, JsonObject message) throws IOException {
        ControlAction action = ControlAction.valueOf(message.getString("action"));
        UUID target = message.containsKey("participationId")
                ? UUID.fromString(message.getString("participationId")) : null;
        controls.controlAs(s.meetingId, s.participationId, new ControlRequest(action, target));
        s.send(Jsons.createObjectBuilder().add("type", "ack").add("action", action.name()).build());
    }

    /**
     * A chat message, checked here as the REST API checks it, then stored with the others the meeting's
     * sockets sent meanwhile ({@link ChannelChat}), which answers {@code chat.sent} or an error.
     */
    private void chatSend(ChannelHub.Subscriber s, JsonObject message) throws IOException {
        String clientMessageId = message.getString("clientMessageId", null);
        ChatSend send;
        try {
            send = new ChatSend(clientMessageId, message.getString("text", null), uuid(message, "to"),
                    uuid(message, "attachmentId"));
        } catch (ClassCastException | IllegalArgumentException e) {
            s.send(ChannelChat.error(clientMessageId, "invalid", "to and attachmentId are ids"));
            return;
        }
        Set<ConstraintViolation<ChatSend>> wrong = validator.validate(send);
        if (!wrong.isEmpty()) {
            ConstraintViolation<ChatSend> first = wrong.iterator().next();
            s.send(ChannelChat.error(clientMessageId, "invalid", first.getPropertyPath() + ": " + first.getMessage()));
            return;
        }
        chat.send(s, send);
    }

    private static UUID uuid(JsonObject message, String field) {
        return message.containsKey(field) && !message.isNull(field) ? UUID.fromString(message.getString(field)) : null;
    }

    /** A pong: the client has read everything sent before the ping it answers. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        ChannelHub.Subscriber s = (ChannelHub.Subscriber) session.getUserProperties().get(SUBSCRIBER);
        if (s != null) {
            s.ponged(pong.getApplicationData());
        }
    }

    @OnClose
    public void close(Session session) {
        ChannelHub.Subscriber s = (ChannelHub.Subscriber) session.getUserProperties().get(SUBSCRIBER);
        if (s != null) {
            hub.unsubscribe(s);
            s.media.closeAll();
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        LOG.log(Level.FINE, "Channel socket error", t);
        close(session);
    }

    private static JsonObject error(String code, String message) {
        return Jsons.createObjectBuilder().add("type", "error").add("code", code).add("message", message).build();
    }
}
