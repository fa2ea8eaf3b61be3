package io.convene.notification;

import io.convene.meeting.Addressee;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingRepository;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Delivers notices to each of their recipients on the channels they have not turned off. Runs in
 * the consuming transaction (one notice, or several that waited on the queue together); storing is
 * idempotent, so a redelivered notice is stored once.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    @Inject
    InAppNotifications inAppNotifications;

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
        deliver(List.of(notice));
    }

    /**
     * Several notices in one transaction: the organisation's Slack looked up once, the in-app ones
     * counted once, and the counts of everyone a throttled notice goes to held first, in one order.
     */
    public void deliver(List<Notice> notices) {
        Optional<UUID> slack = services.organisationSlack();
        List<Addressed> addressed = new ArrayList<>();
        for (Notice notice : notices) {
            Meeting meeting = meetings.byId(notice.meetingId()).orElse(null);
            if (meeting == null) {
                LOG.info(() -> "Notice " + notice.id() + " dropped: meeting " + notice.meetingId() + " is gone");
                continue;
            }
            List<Addressee> recipients = meetings.addressees(meeting.id(), notice.participationIds());
            Map<UUID, UUID> accounts = new HashMap<>();
            recipients.forEach(r -> account(r).ifPresent(user -> accounts.put(r.participationId(), user)));
            addressed.add(new Addressed(notice, meeting, recipients, accounts));
        }
        inAppNotifications.holdCounts(addressed.stream().filter(a -> throttle.counts(a.notice().kind()))
                .flatMap(a -> a.accounts().values().stream()).toList());
        int stored = 0;
        for (Addressed a : addressed) {
            stored += deliver(a, slack);
        }
        counter.sent(Channel.IN_APP, stored);
    }

    /** A notice with its meeting, its recipients and their accounts (by participation). */
    private record Addressed(Notice notice, Meeting meeting, List<Addressee> recipients, Map<UUID, UUID> accounts) {
    }

    /** @return the in-app notifications stored */
    private int deliver(Addressed addressed, Optional<UUID> slack) {
        Notice notice = addressed.notice();
        Meeting meeting = addressed.meeting();
        // an invitation, its change or cancellation goes out from the host's own calendar when it is connected: never both
        boolean email = notice.kind().emailed() && emails.enabled()
                && !(notice.kind().invitation() && services.invitesThroughHostsCalendar(meeting));
        Map<UUID, UUID> accounts = addressed.accounts();
        Preferences.Choices choices = preferences.of(accounts.values(), notice.kind().topic());
        Set<UUID> inApp = new LinkedHashSet<>();
        int mailed = 0;
        for (Addressee recipient : addressed.recipients()) {
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
        int stored = inAppNotifications.store(notice, meeting.id(), notice.kind().headline(meeting.title()), inApp);
        int queued = mailed;
        LOG.info(() -> "Notice " + notice.id() + " " + notice.kind() + " of meeting " + meeting.id() + " to "
                + notice.participationIds().size() + ": in-app " + stored + ", e-mails queued " + queued);
        return stored;
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
}
