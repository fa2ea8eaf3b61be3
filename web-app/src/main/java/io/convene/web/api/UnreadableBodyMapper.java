package io.convene.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape (a string where a number belongs): 400. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        return Problem.of(Status.BAD_REQUEST, "Unreadable request body",
                        "The body is not well-formed JSON of the documented shape")
                .at(uri.getRequestUri().getPath()).toResponse();
    }
}
