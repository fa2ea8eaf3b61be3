package io.convene.recording;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 30 seconds on every node: a recording left running by a node that crashed (its lease
 * lapsed) would block the meeting's next recording for ever; it is stopped and finished instead.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecordingsOfLostNodes {

    @jakarta.ejb.EJB
    io.convene.platform.DatabaseReach database;

    private static final Logger LOG = Logger.getLogger(RecordingsOfLostNodes.class.getName());

    @EJB
    RecordingService recordings;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (database.waiting("Looking for recordings of lost nodes")) {
            return;
        }
        try {
            for (UUID id : recordings.ofLostNodes()) {
                recordings.stopOfLostNode(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for recordings of lost nodes failed; the next sweep tries again", e);
        }
    }
}
