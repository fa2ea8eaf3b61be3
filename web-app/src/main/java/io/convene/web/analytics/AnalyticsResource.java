package io.convene.web.analytics;

import io.convene.reports.MeetingAnalytics;
import io.convene.reports.MeetingReport;
import io.convene.reports.UsageAnalytics;
import io.convene.reports.UsageReport;
import io.convene.shared.InvalidInputException;
import io.convene.web.api.Callers;
import io.convene.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Attendance and engagement per meeting, usage per person (who may read what: {@code Readers}). */
@Path("/analytics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class AnalyticsResource {

    @EJB
    MeetingAnalytics meetings;

    @EJB
    UsageAnalytics usage;

    @Inject
    Callers callers;

    @GET
    @Path("/meetings/{id}")
    public MeetingReport meeting(@PathParam("id") UUID id) {
        return meetings.meeting(callers.current(), id);
    }

    /** {@code from}/{@code to}: dates (UTC days, to exclusive); default the last 30 days. */
    @GET
    @Path("/usage")
    public UsageReport usage(@QueryParam("userId") UUID userId, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("period") String period) {
        LocalDate end = date("to", to, LocalDate.now(ZoneOffset.UTC).plusDays(1));
        LocalDate start = date("from", from, end.minusDays(30));
        return usage.usage(callers.current(), userId, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant(), period);
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-01");
        }
    }
}
