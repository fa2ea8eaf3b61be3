package io.convene.web.search;

import io.convene.search.SearchService;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Search people, meetings and chat messages, within what the caller may see. */
@Path("/search")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    Callers callers;

    @GET
    @Path("/users")
    public List<SearchService.PersonHit> users(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return search.people(callers.current(), q, limit);
    }

    /** {@code from}/{@code to}: dates (UTC), to exclusive. */
    @GET
    @Path("/meetings")
    public List<SearchService.MeetingHit> meetings(@QueryParam("q") String q, @QueryParam("from") String from,
                                                   @QueryParam("to") String to, @QueryParam("participant") String participant,
                                                   @QueryParam("limit") @DefaultValue("20") int limit) {
        return search.meetings(callers.current(), q, day("from", from), day("to", to), participant, limit);
    }

    @GET
    @Path("/messages")
    public List<SearchService.MessageHit> messages(@QueryParam("q") String q, @QueryParam("meetingId") UUID meetingId,
                                                   @QueryParam("limit") @DefaultValue("20") int limit) {
        return search.messages(callers.current(), q, meetingId, limit);
    }

    private static Instant day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-01");
        }
    }
}
