package io.convene.directory;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts a queued run once its queueing committed (before that, the run is not there to claim). */
@ApplicationScoped
public class DirectorySyncStarter {

    @Inject // not @EJB: when first made after a timer's transaction, @EJB was left null (JNDI context gone)
    DirectorySync sync;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryService.RunQueued queued) {
        sync.runLater(queued.runId());
    }
}
