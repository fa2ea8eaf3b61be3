package io.convene.notification;

import io.convene.meeting.JoinLinks;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingSeries;
import io.convene.meeting.Participation;
import io.convene.meeting.TimeSlot;
import io.convene.platform.Sealing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import io.convene.shared.QueueMessages;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * E-mail as a channel: a notice's e-mail to each recipient is its own message on {@value #QUEUE}
 * (queued in the transaction that delivers the notice), sent by {@link EmailDispatcher}.
 */
@ApplicationScoped
public class EmailDeliveries {

    public static final String QUEUE = "convene.deliveries.email";
    private static final Logger LOG = Logger.getLogger(EmailDeliveries.class.getName());

    @Inject
    @JMSConnectionFactory("jms/convene")
    JMSContext jms;

    @Inject
    io.convene.meeting.MeetingRepository meetings;

    @EJB
    MailSender mail;

    @Inject
    JoinLinks links;

    @Inject
    Sealing sealing;

    @Inject
    SentCounter counter;

    /** One e-mail to send: which notice, to which participation. */
    public record Delivery(UUID noticeId, NoticeKind kind, UUID meetingId, UUID participationId) {
    }

    /** Whether e-mail goes out at all (an SMTP server is configured). */
    boolean enabled() {
        return mail.enabled();
    }

    void queue(Notice notice, UUID participationId) {
        Delivery d = new Delivery(notice.id(), notice.kind(), notice.meetingId(), participationId);
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(jms.createQueue(QUEUE), QueueMessages.write(d));
    }

    void send(Delivery d) {
        Meeting meeting = meetings.byId(d.meetingId()).orElse(null);
        Participation to = meeting == null ? null : meeting.participation(d.participationId()).orElse(null);
        if (to == null || to.email() == null) {
            LOG.info(() -> "E-mail of notice " + d.noticeId() + " dropped: recipient " + d.participationId() + " is gone");
            return;
        }
        mail.send(compose(d.kind(), meeting, to));
        counter.sent(Channel.EMAIL, 1);
        LOG.info(() -> "E-mail of notice " + d.noticeId() + " " + d.kind() + " sent for participation " + to.id());
    }

    private MeetingMail compose(NoticeKind kind, Meeting meeting, Participation to) {
        String passcode = meeting.sealedPasscode() == null ? null : sealing.open(meeting.sealedPasscode());
        if (meeting.series().isEmpty()) {
            return new MeetingMail(to.email(), to.displayName(), kind, kind.headline(meeting.title()),
                    meeting.id() + "@convene", meeting.calendarSequence(), meeting.title(), meeting.agenda(),
                    meeting.slot().start(), meeting.slot().end(), meeting.timeZone(), meeting.host().name(),
                    meeting.host().email(), links.of(meeting), meeting.code(), passcode, null);
        }
        // one of a series: the series' UID and link; about that occurrence alone once it was changed on its own
        MeetingSeries series = meeting.series().get();
        MeetingMail.Repeats repeats = meeting.isDetached()
                ? new MeetingMail.Repeats(null, null, List.of(), meeting.occurrenceStart())
                : new MeetingMail.Repeats(series.rule(), series.recurrence().describe(), skipped(series), null);
        TimeSlot slot = meeting.isDetached() ? meeting.slot() : series.firstSlot();
        return new MeetingMail(to.email(), to.displayName(), kind, kind.headline(meeting.title()),
                series.id() + "@convene", meeting.isDetached() ? meeting.calendarSequence() : series.calendarSequence(),
                meeting.title(), meeting.agenda(), slot.start(), slot.end(), meeting.timeZone(), meeting.host().name(),
                meeting.host().email(), links.of(series, meeting), series.code(), passcode, repeats);
    }

    /** The series' occurrences cancelled on their own: EXDATEs of its invitation. */
    private List<Instant> skipped(MeetingSeries series) {
        return meetings.cancelledOccurrences(series);
    }
}
