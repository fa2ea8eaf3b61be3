package io.convene.directory;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts a queued run once its queueing committed (before that, the run is not there to claim). */
@ApplicationScoped
public class DirectorySyncStarter {

    @EJB
    DirectorySync sync;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryService.RunQueued queued) {
        sync.runLater(queued.runId());
    }
}
