package io.convene.privacy;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts a queued export once its request committed. */
@ApplicationScoped
public class PrivacyExportStarter {

    @Inject // not @EJB: when first made after a timer's transaction, @EJB was left null (JNDI context gone)
    PrivacyExports exports;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) PrivacyService.ExportQueued queued) {
        exports.runLater(queued.requestId());
    }
}
