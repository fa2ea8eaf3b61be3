package io.convene.platform;

import java.util.Optional;

/**
 * Whether PostgreSQL answers now, asked outside any transaction (a failed check marks nobody's
 * transaction for rollback). Clocks ask it before each tick ({@link #waiting}), so an outage costs
 * one log line per clock, not a stack trace per tick ({@code persistence.PooledDatabaseReach}).
 */
public interface DatabaseReach {

    /** Empty when PostgreSQL answered; else what went wrong, in words. */
    Optional<String> problem();

    boolean reachable();

    /**
     * For a clock's tick: true while the database is out of reach (the tick is skipped), said once
     * per outage and clock, and once more when it is back.
     *
     * @param what what the clock does, as the log should say it ("Sending reminders")
     */
    boolean waiting(String what);
}
