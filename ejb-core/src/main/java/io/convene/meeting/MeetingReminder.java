package io.convene.meeting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    @Inject
    MeetingRepository meetings;

    @Inject
    jakarta.enterprise.event.Event<MeetingNews> news;

    @Inject
    Clock clock;

    /** Reminds the meetings that are due now; answers how many. */
    public int remindDue() {
        Instant now = clock.instant();
        List<Meeting> due = meetings.dueForReminder(now, BATCH);
        for (Meeting meeting : due) {
            List<Participation> everyone = meeting.participations().stream()
                    .filter(p -> p.role() == MeetingRole.HOST || p.invitedAt() != null)
                    .filter(p -> p.state() != ParticipationState.REMOVED)
                    .filter(p -> p.answer() != InvitationAnswer.DECLINED).toList(); // as calendars do: no reminder to who said no
            news.fire(new MeetingNews.ReminderDue(meeting, everyone));
            meeting.reminded(now);
            LOG.info(() -> "Reminder of meeting " + meeting.id() + " (starts " + meeting.slot().start() + ") to "
                    + everyone.size());
        }
        return due.size();
    }
}
