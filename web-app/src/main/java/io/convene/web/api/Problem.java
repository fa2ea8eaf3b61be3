package io.convene.web.api;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem body. {@code errors} lists field-level validation failures;
 * {@code suggestions} carries free slots after a scheduling conflict.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldProblem> errors, List<Slot> suggestions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldProblem(String field, String message) {
    }

    public record Slot(String start, String end) {
    }

    public static Problem of(Response.StatusType status, String title, String detail) {
        return new Problem("about:blank", title, status.getStatusCode(), detail, null, null, null);
    }

    /** 400 naming each offending field, sorted by field. */
    public static Problem invalidInput(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream().sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        return of(Response.Status.BAD_REQUEST, "Invalid input",
                sorted.size() == 1 ? sorted.get(0).field() + ": " + sorted.get(0).message()
                        : sorted.size() + " fields are invalid").withErrors(sorted);
    }

    public Problem withErrors(List<FieldProblem> fieldProblems) {
        return new Problem(type, title, status, detail, instance, fieldProblems, suggestions);
    }

    public Problem withSuggestions(List<Slot> slots) {
        return new Problem(type, title, status, detail, instance, errors, slots);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, suggestions);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The answer, telling the client when to try again (a 503 or 429). */
    public Response toResponseRetryingAfter(long seconds) {
        return Response.status(status).type(MEDIA_TYPE).entity(this).header("Retry-After", seconds).build();
    }
}
