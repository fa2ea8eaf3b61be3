package io.convene.web.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unforeseen: logged in full under an incident id that the 500 answer names, so an operator
 * can find the fault from a user's report; the client learns nothing about the internals.
 *
 * <p>Jersey's EJB integration asks this mapper twice for an exception an EJB threw (once to see
 * whether it maps the cause, then for the answer), so one request's fault is remembered on the
 * request: it is logged once, under the id the client is given.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    /** A database or broker that restarts is back within seconds; clients come back then. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String INCIDENT = UnexpectedExceptionMapper.class.getName() + ".incident";

    /** The fault a request's answer was made for, by its root cause, and the incident id it was given. */
    private record Incident(Throwable root, String id) {
    }

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        Throwable root = rootThrowable(e);
        Object earlier = request.getAttribute(INCIDENT);
        boolean again = earlier instanceof Incident known && known.root() == root; // logged when first mapped
        String incident = again ? ((Incident) earlier).id() : UUID.randomUUID().toString();
        request.setAttribute(INCIDENT, new Incident(root, incident));
        if (causedByConcurrentChange(e)) {
            if (!again) {
                LOG.log(Level.INFO, "Concurrent change refused at " + uri.getRequestUri().getPath() + ": " + e);
            }
            return Problem.of(Status.CONFLICT, "Conflict",
                    "Someone changed this at the same moment; fetch it again and retry").at(uri.getRequestUri().getPath())
                    .toResponse();
        }
        java.util.Optional<String> unreachable = UnreachableService.causing(e);
        if (unreachable.isPresent()) {
            if (!again) {
                LOG.warning("Incident " + incident + " at " + uri.getRequestUri().getPath() + ": the " + unreachable.get()
                        + " is unreachable: " + root);
            }
            return Problem.of(Status.SERVICE_UNAVAILABLE, "Service unavailable", "Convene cannot reach its " + unreachable.get()
                    + " just now; nothing was changed, try again shortly (incident " + incident + ")")
                    .at(uri.getRequestUri().getPath()).toResponseRetryingAfter(RETRY_AFTER_SECONDS);
        }
        if (failedWhileRollingBack(e)) {
            // a refused change (e.g. the broker went away mid-request) whose undo could not reach that
            // resource: the database part was undone and nothing was sent, so the client may retry
            if (!again) {
                LOG.log(Level.WARNING, "Incident " + incident + " at " + uri.getRequestUri().getPath()
                        + ": a resource failed while the transaction rolled back", e);
            }
            return Problem.of(Status.SERVICE_UNAVAILABLE, "Service unavailable",
                    "A service Convene depends on failed; nothing was changed, try again (incident " + incident + ")")
                    .at(uri.getRequestUri().getPath()).toResponseRetryingAfter(RETRY_AFTER_SECONDS);
        }
        if (!again) {
            LOG.log(Level.SEVERE, "Incident " + incident + " at " + uri.getRequestUri().getPath(), e);
        }
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; report incident " + incident).at(uri.getRequestUri().getPath()).toResponse();
    }

    private static Throwable rootThrowable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The transaction manager could not roll a resource back (it answers for the rollback only). */
    private static boolean failedWhileRollingBack(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SystemException && String.valueOf(t.getMessage()).contains("[rollback]")) {
                return true;
            }
        }
        return false;
    }

    /** Optimistic locking lost a race (the EJB container wraps it): the client may retry. */
    private static boolean causedByConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
