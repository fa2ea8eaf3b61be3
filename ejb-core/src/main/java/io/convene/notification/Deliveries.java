package io.convene.notification;

import io.convene.meeting.Meeting;
import io.convene.meeting.Participation;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Delivers one notice to each of its recipients on the channels they have not turned off. Runs in
 * the consuming transaction; storing is idempotent, so a redelivered notice is stored once.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Preferences preferences;

    @Inject
    UserRepository users;

    @Inject
    EmailDeliveries emails;

    @Inject
    NotificationThrottle throttle;

    @Inject
    SentCounter counter;

    @Inject
    ConnectedServices services;

    public void deliver(Notice notice) {
        Meeting meeting = em.find(Meeting.class, notice.meetingId());
        if (meeting == null) {
            LOG.info(() -> "Notice " + notice.id() + " dropped: meeting " + notice.meetingId() + " is gone");
            return;
        }
        // an invitation, its change or cancellation goes out from the host's own calendar when it is connected: never both
        boolean email = notice.kind().emailed() && emails.enabled()
                && !(notice.kind().invitation() && services.invitesThroughHostsCalendar(meeting));
        Optional<UUID> slack = services.organisationSlack();
        int stored = 0;
        int mailed = 0;
        for (UUID id : notice.participationIds()) {
            Optional<Participation> recipient = meeting.participation(id);
            if (recipient.isEmpty()) {
                continue;
            }
            Optional<User> user = account(recipient.get());
            if (user.isPresent() && !throttle.allows(notice.kind(), user.get().id(), notice.at())) {
                LOG.info(() -> "Notice " + notice.id() + " " + notice.kind() + " throttled for user " + user.get().id());
                continue;
            }
            if (user.isPresent() && preferences.wants(user.get().id(), Channel.IN_APP, notice.kind().topic())) {
                stored += storeInApp(notice, meeting, user.get().id());
            }
            if (slack.isPresent() && user.isPresent()
                    && preferences.wants(user.get().id(), Channel.SLACK, notice.kind().topic())) {
                services.directMessage(notice.id(), notice.kind(), meeting, recipient.get(), slack.get());
            }
            // no account yet: no preferences either, the invitation goes to the invited address
            if (email && recipient.get().email() != null
                    && (user.isEmpty() || preferences.wants(user.get().id(), Channel.EMAIL, notice.kind().topic()))) {
                emails.queue(notice, recipient.get());
                mailed++;
            }
        }
        counter.sent(Channel.IN_APP, stored);
        int inApp = stored;
        int queued = mailed;
        LOG.info(() -> "Notice " + notice.id() + " " + notice.kind() + " of meeting " + meeting.id() + " to "
                + notice.participationIds().size() + ": in-app " + inApp + ", e-mails queued " + queued);
    }

    /**
     * The recipient's account: the invited user's, or one made since for the invited address whose
     * address is verified (an unverified one could be anyone's: they get neither the notice nor a
     * say in how the address is told).
     */
    private Optional<User> account(Participation p) {
        if (p.user() != null) {
            return Optional.of(p.user());
        }
        return p.email() == null ? Optional.empty() : users.byEmail(p.email()).filter(User::emailVerified);
    }

    private int storeInApp(Notice notice, Meeting meeting, UUID userId) {
        int stored = em.createNativeQuery("""
                        insert into notifications (id, user_id, meeting_id, kind, message, notice_id, sent_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (user_id, notice_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, userId).setParameter(3, meeting.id())
                .setParameter(4, notice.kind().name()).setParameter(5, notice.kind().headline(meeting.title()))
                .setParameter(6, notice.id()).setParameter(7, notice.at()).executeUpdate();
        if (stored > 0) { // heard by the user's open sockets on every node once this commits
            em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, NotificationService.CHANNEL)
                    .setParameter(2, userId.toString()).getSingleResult();
        }
        return stored;
    }
}
