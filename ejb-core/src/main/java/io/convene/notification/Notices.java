package io.convene.notification;

import io.convene.shared.QueueMessages;
import io.convene.meeting.Meeting;
import io.convene.meeting.Participation;
import io.convene.shared.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Publishes notices to the broker in the caller's transaction (the connection factory is XA): a
 * rolled-back change sends nothing, a committed one is on the queue, persistent, before the caller
 * hears back.
 */
@ApplicationScoped
public class Notices {

    /** The queue {@link NoticeDispatcher} consumes. */
    public static final String QUEUE = "convene.notices";
    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    @Inject
    Clock clock;

    public void publish(NoticeKind kind, Meeting meeting, Collection<Participation> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        Notice notice = new Notice(UUID.randomUUID(), kind, meeting.id(),
                recipients.stream().map(Participation::id).toList(), clock.instant());
        try {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .send(jms.createQueue(QUEUE), QueueMessages.write(notice));
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "Publishing notice " + kind + " of meeting " + meeting.id() + " failed: " + e);
            throw new UnavailableException("Notifications cannot be sent right now (message broker unreachable); "
                    + "nothing was changed, try again");
        }
        LOG.info(() -> "Published notice " + notice.id() + " " + kind + " of meeting " + meeting.id()
                + " to " + recipients.size());
    }
}
