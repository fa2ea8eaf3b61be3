package io.convene.web.api;

import io.convene.meeting.SchedulingConflictException;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.ConflictException;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.RateLimitedException;
import io.convene.shared.TooLargeException;
import io.convene.shared.UnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** The domain's refusals as problem bodies: one HTTP status per kind of refusal. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(DomainException e) {
        Problem problem = Problem.of(statusOf(e), e.title(), e.getMessage()).at(uri.getRequestUri().getPath());
        if (e instanceof InvalidInputException invalid) {
            problem = problem.withErrors(invalid.errors().stream()
                    .map(f -> new Problem.FieldProblem(f.field(), f.message())).toList());
        }
        if (e instanceof SchedulingConflictException conflict) {
            problem = problem.withSuggestions(conflict.suggestions().stream()
                    .map(s -> new Problem.Slot(s.start().toString(), s.end().toString())).toList());
        }
        if (e instanceof UnavailableException) {
            LOG.warning(() -> uri.getRequestUri().getPath() + ": " + e.getMessage());
            return problem.toResponseRetryingAfter(UnexpectedExceptionMapper.RETRY_AFTER_SECONDS);
        }
        if (e instanceof RateLimitedException limited) {
            return problem.toResponseRetryingAfter(limited.retryAfterSeconds());
        }
        return problem.toResponse();
    }

    /** RFC 4918's 507, which JAX-RS has no constant for. */
    static final Response.StatusType INSUFFICIENT_STORAGE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 507;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.SERVER_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Insufficient Storage";
        }
    };

    private static Response.StatusType statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return Status.NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return Status.FORBIDDEN;
        }
        if (e instanceof ConflictException) {
            return Status.CONFLICT;
        }
        if (e instanceof InvalidInputException) {
            return Status.BAD_REQUEST;
        }
        if (e instanceof AuthenticationFailedException) {
            return Status.UNAUTHORIZED;
        }
        if (e instanceof UnavailableException) {
            return Status.SERVICE_UNAVAILABLE;
        }
        if (e instanceof io.convene.directory.DirectoryUnreachableException) {
            return Status.BAD_GATEWAY;
        }
        if (e instanceof RateLimitedException) {
            return Status.TOO_MANY_REQUESTS;
        }
        if (e instanceof TooLargeException) {
            return Status.REQUEST_ENTITY_TOO_LARGE;
        }
        if (e instanceof io.convene.shared.StorageFullException) {
            return INSUFFICIENT_STORAGE;
        }
        return Status.BAD_REQUEST;
    }
}
