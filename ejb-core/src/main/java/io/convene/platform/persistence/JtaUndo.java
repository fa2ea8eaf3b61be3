package io.convene.platform.persistence;

import io.convene.platform.Undo;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@link Undo} by the transaction manager: a synchronization run after the transaction completes. */
@ApplicationScoped
public class JtaUndo implements Undo {

    private static final Logger LOG = Logger.getLogger(JtaUndo.class.getName());

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Override
    public void ifRolledBack(String what, Runnable undo) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                LOG.warning(() -> "The transaction did not commit: undoing " + what);
                try {
                    undo.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Undoing " + what + " failed", e);
                }
            }
        });
    }
}
