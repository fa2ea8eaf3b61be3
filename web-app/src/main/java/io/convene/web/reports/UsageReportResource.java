package io.convene.web.reports;

import io.convene.reports.ReportFormat;
import io.convene.reports.ReportJob;
import io.convene.reports.UsageQuery;
import io.convene.reports.UsageReports;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Organisation-wide usage reports as CSV, XLSX or PDF: asked for, made in the background, downloaded. */
@Path("/reports/usage")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.COMPLIANCE_OFFICER})
public class UsageReportResource {

    @EJB
    UsageReports reports;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    /** {@code from}/{@code to}: UTC days, {@code to} exclusive; {@code period}: DAY, WEEK (default) or MONTH. */
    public record Request(@NotNull String format, String period, @NotNull String from, @NotNull String to) {
    }

    @POST
    public Response request(@NotNull @Valid Request body) {
        UsageQuery query = new UsageQuery(UsageQuery.period(body.period()), date("from", body.from()), date("to", body.to()));
        ReportJob job = reports.request(callers.current(), ReportFormat.of(body.format()), query);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
    }

    @GET
    public List<ReportJob> recent() {
        return reports.recent(callers.current());
    }

    @GET
    @Path("/{id}")
    public ReportJob job(@PathParam("id") UUID id) {
        return reports.job(callers.current(), id);
    }

    @GET
    @Path("/{id}/download")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf",
            "application/problem+json"})
    public Response download(@PathParam("id") UUID id) {
        UsageReports.Download d = reports.download(callers.current(), id);
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, d.contentType()).header("Content-Length", d.size())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"").build();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-01");
        }
    }
}
