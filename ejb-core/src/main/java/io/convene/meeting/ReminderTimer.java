package io.convene.meeting;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for due reminders every 15 seconds on every node ({@link MeetingReminder} makes that safe).
 * The schedule lives in the database, so a restart or a node going away loses no reminder.
 */
@Singleton
public class ReminderTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());

    @EJB
    MeetingReminder reminder;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Sending reminders")) {
            return;
        }
        try {
            reminder.remindDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending reminders failed; the next tick tries again", e);
        }
    }
}
