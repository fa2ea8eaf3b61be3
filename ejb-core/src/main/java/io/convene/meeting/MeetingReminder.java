package io.convene.meeting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends the reminders that are due: for each scheduled meeting whose reminder time has come and
 * that was not reminded since it was (last) moved, one REMINDER notice to the host and everyone
 * invited. Due meetings are locked with SKIP LOCKED and marked in the same transaction that
 * publishes the notice, so with several nodes, restarts or overlapping runs a reminder goes out once.
 */
@Stateless
public class MeetingReminder {

    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 7 * 24 * 60;
    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(MeetingReminder.class.getName());

    @PersistenceContext(unitName = "convene")
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<MeetingNews> news;

    @Inject
    Clock clock;

    /** Reminds the meetings that are due now; answers how many. */
    public int remindDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select id from meetings
                        where status = 'SCHEDULED' and reminded_at is null and reminder_minutes > 0
                          and starts_at > ?1 and starts_at - make_interval(mins => reminder_minutes) <= ?1
                        order by starts_at limit ?2 for update skip locked""")
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            Meeting meeting = em.find(Meeting.class, id);
            List<Participation> everyone = meeting.participations().stream()
                    .filter(p -> p.role() == MeetingRole.HOST || p.invitedAt() != null)
                    .filter(p -> p.state() != ParticipationState.REMOVED).toList();
            news.fire(new MeetingNews.ReminderDue(meeting, everyone));
            meeting.reminded(now);
            LOG.info(() -> "Reminder of meeting " + meeting.id() + " (starts " + meeting.slot().start() + ") to "
                    + everyone.size());
        }
        return due.size();
    }
}
