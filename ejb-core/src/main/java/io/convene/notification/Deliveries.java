package io.convene.notification;

import io.convene.meeting.Addressee;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final String READ_ONLY = "org.hibernate.readOnly";
    /** Rows one statement inserts (two parameters each, far below PostgreSQL's 65,535). */
    private static final int ROWS_PER_STATEMENT = 500;

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    Preferences preferences;

    @Inject
    MeetingRepository meetings;

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
        // a delivery changes no entity, its writes are statements: nothing to flush before each of
        // them, and nothing it reads needs a snapshot to compare at commit
        em.setFlushMode(FlushModeType.COMMIT);
        Meeting meeting = em.find(Meeting.class, notice.meetingId(), Map.of(READ_ONLY, true));
        if (meeting == null) {
            LOG.info(() -> "Notice " + notice.id() + " dropped: meeting " + notice.meetingId() + " is gone");
            return;
        }
        // an invitation, its change or cancellation goes out from the host's own calendar when it is connected: never both
        boolean email = notice.kind().emailed() && emails.enabled()
                && !(notice.kind().invitation() && services.invitesThroughHostsCalendar(meeting));
        Optional<UUID> slack = services.organisationSlack();
        Topic topic = notice.kind().topic();
        List<Addressee> recipients = meetings.addressees(meeting.id(), notice.participationIds());
        Map<UUID, UUID> accounts = new HashMap<>();
        recipients.forEach(r -> account(r).ifPresent(user -> accounts.put(r.participationId(), user)));
        Preferences.Choices choices = preferences.of(accounts.values(), topic);
        Set<UUID> inApp = new LinkedHashSet<>();
        int mailed = 0;
        for (Addressee recipient : recipients) {
            UUID user = accounts.get(recipient.participationId());
            if (user != null && !throttle.allows(notice.kind(), user, notice.at())) {
                LOG.info(() -> "Notice " + notice.id() + " " + notice.kind() + " throttled for user " + user);
                continue;
            }
            if (user != null && choices.wants(user, Channel.IN_APP)) {
                inApp.add(user);
            }
            if (slack.isPresent() && user != null && choices.wants(user, Channel.SLACK)) {
                services.directMessage(notice.id(), notice.kind(), meeting, recipient.participationId(), slack.get());
            }
            // no account yet: no preferences either, the invitation goes to the invited address
            if (email && recipient.email() != null && (user == null || choices.wants(user, Channel.EMAIL))) {
                emails.queue(notice, recipient.participationId());
                mailed++;
            }
        }
        int stored = storeInApp(notice, meeting, inApp);
        counter.sent(Channel.IN_APP, stored);
        int queued = mailed;
        LOG.info(() -> "Notice " + notice.id() + " " + notice.kind() + " of meeting " + meeting.id() + " to "
                + notice.participationIds().size() + ": in-app " + stored + ", e-mails queued " + queued);
    }

    /**
     * The recipient's account: the invited user's, or one made since for the invited address whose
     * address is verified (an unverified one could be anyone's: they get neither the notice nor a
     * say in how the address is told).
     */
    private Optional<UUID> account(Addressee recipient) {
        if (recipient.userId() != null) {
            return Optional.of(recipient.userId());
        }
        return recipient.email() == null ? Optional.empty()
                : users.byEmail(recipient.email()).filter(User::emailVerified).map(User::id);
    }

    /** One row per user (a redelivered notice adds none), and a word on the channel for each user it reached. */
    private int storeInApp(Notice notice, Meeting meeting, Set<UUID> userIds) {
        List<UUID> all = List.copyOf(userIds);
        int stored = 0;
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            stored += storeInApp(notice, meeting, all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)));
        }
        return stored;
    }

    private int storeInApp(Notice notice, Meeting meeting, List<UUID> users) {
        // ?1 to ?5 the notice's own values, then an id and a user for each row
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < users.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(?").append(6 + 2 * i).append(", ?").append(7 + 2 * i).append(")");
        }
        var insert = em.createNativeQuery("insert into notifications (id, user_id, meeting_id, kind, message, notice_id, sent_at)"
                        + " select r.id, r.user_id, ?1, ?2, ?3, ?4, ?5 from (values " + rows + ") as r (id, user_id)"
                        + " on conflict (user_id, notice_id) do nothing returning user_id")
                .setParameter(1, meeting.id()).setParameter(2, notice.kind().name())
                .setParameter(3, notice.kind().headline(meeting.title())).setParameter(4, notice.id()).setParameter(5, notice.at());
        for (int i = 0; i < users.size(); i++) {
            insert.setParameter(6 + 2 * i, UUID.randomUUID()).setParameter(7 + 2 * i, users.get(i));
        }
        @SuppressWarnings("unchecked")
        List<UUID> reached = insert.getResultList();
        if (!reached.isEmpty()) { // heard by each user's open sockets on every node once this commits
            StringBuilder notify = new StringBuilder("select ");
            for (int i = 0; i < reached.size(); i++) {
                notify.append(i == 0 ? "" : ", ").append("pg_notify(?1, ?").append(i + 2).append(")");
            }
            var said = em.createNativeQuery(notify.toString()).setParameter(1, NotificationService.CHANNEL);
            for (int i = 0; i < reached.size(); i++) {
                said.setParameter(i + 2, reached.get(i).toString());
            }
            said.getResultList();
        }
        return reached.size();
    }
}
