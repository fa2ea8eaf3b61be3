package io.convene.web.audit;

import io.convene.audit.AuditFilter;
import io.convene.audit.AuditQuery;
import io.convene.audit.AuditView;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.Page;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The audit trail for administrators and compliance officers: read a page, or export it as CSV. */
@Path("/audit")
@ApplicationScoped
@RolesAllowed({Caller.ADMIN, Caller.COMPLIANCE_OFFICER})
public class AuditResource {

    @Inject
    AuditQuery audit;

    @Inject
    Callers callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<AuditView> search(@QueryParam("actor") UUID actor, @QueryParam("action") @Size(max = 100) String action,
                                  @QueryParam("target") @Size(max = 200) String target,
                                  @QueryParam("meetingId") UUID meetingId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        return audit.search(callers.current(), filter(actor, action, target, meetingId, from, to), page, size);
    }

    /** All matching entries as CSV, oldest first, streamed; the export is recorded in the trail first. */
    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") UUID actor, @QueryParam("action") @Size(max = 100) String action,
                           @QueryParam("target") @Size(max = 200) String target, @QueryParam("meetingId") UUID meetingId,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = callers.current();
        AuditFilter filter = filter(actor, action, target, meetingId, from, to);
        audit.exporting(caller, filter);
        StreamingOutput body = out -> audit.exportCsv(caller, filter,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"convene-audit.csv\"").build();
    }

    private static AuditFilter filter(UUID actor, String action, String target, UUID meetingId, String from, String to) {
        return new AuditFilter(actor, action, target, meetingId, instant("from", from), instant("to", to));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an instant such as 2026-11-01T00:00:00Z");
        }
    }
}
