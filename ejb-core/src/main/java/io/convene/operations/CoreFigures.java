package io.convene.operations;

/**
 * The figures of the product that /metrics shows, counted in the database
 * ({@code persistence.SqlCoreFigures}: a read of several contexts' tables, for metrics only).
 */
public interface CoreFigures {

    long meetingsLive();

    /** Who is in a live meeting now: joined, not left. */
    long participantsPresent();

    /** Notifications sent since the first start, every channel. */
    long notificationsSent();

    /** Bytes of the recordings kept. */
    long recordingBytes();

    /** How long the latest directory synchronisation that succeeded took; 0 before the first. */
    double lastDirectorySyncSeconds();
}
