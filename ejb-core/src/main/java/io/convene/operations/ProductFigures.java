package io.convene.operations;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Figures read from the database when the metrics are scraped: the same on every node of a
 * cluster, so a dashboard takes one node's value (max), not the sum.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProductFigures {

    @Inject
    CoreFigures figures;

    public double meetingsLive() {
        return figures.meetingsLive();
    }

    /** Who is in a live meeting now: joined, not left. */
    public double participantsPresent() {
        return figures.participantsPresent();
    }

    /** Notifications sent since the first start, every channel. */
    public double notificationsSent() {
        return figures.notificationsSent();
    }

    /** Bytes of the recordings kept. */
    public double recordingBytes() {
        return figures.recordingBytes();
    }

    /** How long the latest directory synchronisation that succeeded took; 0 before the first. */
    public double lastDirectorySyncSeconds() {
        return figures.lastDirectorySyncSeconds();
    }
}
