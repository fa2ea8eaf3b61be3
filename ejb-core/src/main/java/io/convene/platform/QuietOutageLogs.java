package io.convene.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Puts a {@link RepeatedFailureFilter} on the server's log handlers while Convene runs, so that an
 * outage (a database gone, every call failing) writes a few stack traces a minute per kind of failure,
 * not one per call from the server's EJB container, transaction manager and connection pool.
 */
@Singleton
@Startup
public class QuietOutageLogs {

    private static final Logger LOG = Logger.getLogger(QuietOutageLogs.class.getName());

    @PostConstruct
    void install() {
        int handlers = 0;
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof RepeatedFailureFilter)) {
                handler.setFilter(new RepeatedFailureFilter(handler.getFilter(), System::nanoTime));
                handlers++;
            }
        }
        int count = handlers;
        LOG.info(() -> "Repeated failures are logged " + RepeatedFailureFilter.KEPT_PER_MINUTE
                + " times a minute with their stack trace, then counted (" + count + " log handler(s))");
    }

    @PreDestroy
    void uninstall() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFilter() instanceof RepeatedFailureFilter filter) {
                handler.setFilter(filter.before());
            }
        }
    }
}
