package io.convene.breakout;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes breakout rooms whose timer ran out. The close time is in the database, so a restart (or
 * another node) closes them all the same; closing twice is harmless.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class BreakoutTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(BreakoutTimer.class.getName());

    @EJB
    Breakouts breakouts;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void closeDue() {
        if (database.waiting("Closing due breakout rooms")) {
            return;
        }
        try {
            breakouts.closeDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing due breakout rooms failed; trying again in 5 s", e);
        }
    }
}
