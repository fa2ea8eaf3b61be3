package io.convene.integration;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/** Reads the connected calendars back every five minutes, on every node (each calendar is locked while read). */
@Singleton
public class CalendarSyncTimer {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    @EJB
    CalendarSync sync;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void tick() {
        if (database.waiting("Syncing calendars")) {
            return;
        }
        sync.syncAll(sync);
    }
}
