package io.convene.notification;

import io.convene.shared.Permission;
import io.convene.shared.Permissions;
import io.convene.audit.AuditAction;
import io.convene.shared.Caller;
import io.convene.shared.NotFoundException;
import io.convene.shared.UnavailableException;
import io.convene.meeting.Meeting;
import jakarta.ejb.Stateless;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The dead-letter queue, for administrators: deliveries that failed every attempt wait there to be
 * replayed (sent again to the queue they came from) or discarded. Both take the message off the
 * dead-letter queue in the same transaction that resends it, so a replay happens once.
 */
@Stateless
public class DeadLetters {

    @Inject
    Permissions permissions;

    public static final String QUEUE = "convene.dead-letters";
    private static final String ORIGIN = "_AMQ_ORIG_ADDRESS";
    private static final Set<String> REPLAYABLE = Set.of(Notices.QUEUE, EmailDeliveries.QUEUE);
    private static final int LIMIT = 500;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    /** A delivery that failed every attempt; {@code about} says in words what it was (empty when that is unknown). */
    public record DeadLetter(String id, String queue, String body, Instant firstSent, String about) {
    }

    @Inject
    io.convene.meeting.MeetingRepository meetings;

    @Inject
    io.convene.audit.AuditTrail audit;

    /** The oldest first, at most {@value #LIMIT}. */
    public List<DeadLetter> list(Caller caller) {
        permissions.require(caller, Permission.HANDLE_FAILED_DELIVERIES);
        List<DeadLetter> found = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(QUEUE))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                found.add(view((Message) o));
                if (found.size() == LIMIT) {
                    break;
                }
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw unavailable(e);
        }
        return found;
    }

    /** How many deliveries wait on the dead-letter queue: for the metrics scrape. */
    public int waiting() {
        try (QueueBrowser browser = jms.createBrowser(jms.createQueue(QUEUE))) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException | JMSRuntimeException e) {
            throw unavailable(e);
        }
    }

    public DeadLetter replay(Caller caller, String id) {
        permissions.require(caller, Permission.HANDLE_FAILED_DELIVERIES);
        Message message = take(id);
        DeadLetter letter = view(message);
        if (!REPLAYABLE.contains(letter.queue())) {
            throw new NotFoundException("No replayable dead letter " + id);
        }
        try {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setProperty(WaitingNotices.ALONE, true) // a notice that failed before goes alone, as after any failure
                    .send(jms.createQueue(letter.queue()), message.getBody(String.class));
        } catch (JMSException | JMSRuntimeException e) {
            throw unavailable(e);
        }
        audit.action(caller, AuditAction.DEAD_LETTER_REPLAYED, "message:" + id, letter.queue());
        LOG.info(() -> "Dead letter " + id + " replayed to " + letter.queue() + " by " + caller.subject());
        return letter;
    }

    public DeadLetter discard(Caller caller, String id) {
        permissions.require(caller, Permission.HANDLE_FAILED_DELIVERIES);
        DeadLetter letter = view(take(id));
        audit.action(caller, AuditAction.DEAD_LETTER_DISCARDED, "message:" + id, letter.queue());
        LOG.info(() -> "Dead letter " + id + " from " + letter.queue() + " discarded by " + caller.subject());
        return letter;
    }

    private Message take(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No dead letter " + id);
        }
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(QUEUE), "JMSMessageID = 'ID:" + uuid + "'")) {
            Message message = consumer.receive(2_000);
            if (message == null) {
                throw new NotFoundException("No dead letter " + id);
            }
            return message;
        } catch (JMSRuntimeException e) {
            throw unavailable(e);
        }
    }

    private DeadLetter view(Message m) {
        try {
            String id = m.getJMSMessageID() == null ? "" : m.getJMSMessageID().replaceFirst("^ID:", "");
            String body = m.getBody(String.class);
            return new DeadLetter(id, m.getStringProperty(ORIGIN), body, Instant.ofEpochMilli(m.getJMSTimestamp()), about(body));
        } catch (JMSException e) {
            throw unavailable(e);
        }
    }

    /** "INVITED of “Board meeting” to ann@example.org", from the delivery's kind, meeting and recipient. */
    private String about(String body) {
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            JsonObject d = reader.readObject();
            Meeting meeting = meetings.byId(UUID.fromString(d.getString("meetingId"))).orElse(null);
            String to = meeting == null || !d.containsKey("participationId") ? ""
                    : meeting.participation(UUID.fromString(d.getString("participationId")))
                            .map(p -> " to " + (p.email() == null ? p.displayName() : p.email())).orElse("");
            return d.getString("kind") + " of " + (meeting == null ? "a deleted meeting" : "“" + meeting.title() + "”") + to;
        } catch (RuntimeException e) { // not ours, or not JSON: the body says what it is
            return "";
        }
    }

    private static UnavailableException unavailable(Exception e) {
        LOG.warning(() -> "Dead-letter queue unreachable: " + e);
        return new UnavailableException("The message broker is unreachable; try again");
    }
}
