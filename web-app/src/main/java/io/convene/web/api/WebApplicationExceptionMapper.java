package io.convene.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The framework's own refusals (unknown path, wrong method or media type, unreadable JSON, missing
 * token) as problem bodies, keeping their status and headers such as WWW-Authenticate.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = isUnreadableQueryParameter(e) ? Response.Status.BAD_REQUEST
                : original.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 400 -> "The request could not be read; check the query parameters and the JSON body against the API document";
            case 401 -> "Sign in: send a valid bearer token";
            case 403 -> "Your roles do not allow this";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Cannot produce the requested media type";
            case 415 -> "Send application/json";
            default -> status.getReasonPhrase();
        };
        Response.ResponseBuilder answer = Response.fromResponse(
                Problem.of(status, status.getReasonPhrase(), detail).at(uri.getRequestUri().getPath()).toResponse());
        String challenge = original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null || status.getStatusCode() == 401) { // a 401 always says how to authenticate
            answer.header(HttpHeaders.WWW_AUTHENTICATE, challenge != null ? challenge : "Bearer");
        }
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    /**
     * JAX-RS answers 404 when a query parameter cannot be converted (page=abc); for a client that is
     * bad input, so Convene answers 400.
     */
    private static boolean isUnreadableQueryParameter(WebApplicationException e) {
        return e.getClass().getSimpleName().equals("QueryParamException");
    }
}
