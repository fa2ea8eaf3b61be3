package io.convene.web.recording;

import io.convene.recording.RecordingService;
import io.convene.platform.SignedTickets;
import io.convene.recording.RecordingView;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Recordings (seed API group 6; docs/recordings.md): the host and co-hosts share them; those who
 * may watch play them (with HTTP ranges, so a player can seek) or download them; the host and
 * compliance officers delete them. Every access is audited by the service. Starting and stopping: {@link MeetingRecordingResource}.
 */
@Path("/recordings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class RecordingResource {

    @Inject
    RecordingService recordings;

    @Inject
    Callers callers;

    /** Shared with the meeting's participants, or not. */
    public record Sharing(@NotNull Boolean shared) {
    }

    /** The ready recordings of one's meetings that one may watch, newest first. */
    @GET
    public List<RecordingService.RecordingRow> mine() {
        return recordings.mine(callers.current());
    }

    /** A ticket (four hours) for the browser's player: {@code GET .../stream?ticket=}. */
    @POST
    @Path("{id}/ticket")
    public SignedTickets.Ticket ticket(@PathParam("id") UUID id) {
        return recordings.ticket(callers.current(), id);
    }

    /**
     * The recording for a browser's player or download link, which cannot send a bearer token: with
     * the ticket from {@code POST .../ticket}, checked and audited as its person's own; byte ranges
     * as for playback. {@code download=true} asks the browser to save it.
     */
    @GET
    @Path("{id}/stream")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    public Response stream(@PathParam("id") UUID id, @QueryParam("ticket") @NotNull @Size(max = 4096) String ticket,
                           @QueryParam("download") @DefaultValue("false") boolean download, @HeaderParam("Range") String range) {
        String disposition = download ? "attachment; filename=\"recording-" + id + ".webm\"" : "inline";
        return file(range, disposition, how -> recordings.openWithTicket(ticket, id, how));
    }

    @GET
    @Path("{id}")
    public RecordingView recording(@PathParam("id") UUID id) {
        return recordings.view(callers.current(), id);
    }

    @PUT
    @Path("{id}/sharing")
    public RecordingView share(@PathParam("id") UUID id, @NotNull @Valid Sharing sharing) {
        return recordings.share(callers.current(), id, sharing.shared());
    }

    /** Deletes the recording and its file: the meeting's host and compliance officers; 409 under a legal hold. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        recordings.delete(callers.current(), id);
        return Response.noContent().build();
    }

    /** The recording to play: the whole file, or the byte range asked for (206), so players can seek. */
    @GET
    @Path("{id}/playback")
    @Produces(MediaType.WILDCARD)
    public Response playback(@PathParam("id") UUID id, @HeaderParam("Range") String range) {
        return file(range, "inline", how -> recordings.open(callers.current(), id, how));
    }

    @GET
    @Path("{id}/download")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @HeaderParam("Range") String range) {
        return file(range, "attachment; filename=\"recording-" + id + ".webm\"", how -> recordings.open(callers.current(), id, how));
    }

    private Response file(String rangeHeader, String disposition, Function<String, RecordingService.Opened> open) {
        String how = (disposition.startsWith("inline") ? "playback" : "download")
                + (rangeHeader == null ? "" : " " + rangeHeader.substring(0, Math.min(rangeHeader.length(), 100)));
        RecordingService.Opened opened = open.apply(how);
        long size = opened.recording().sizeBytes();
        Optional<ByteRange> range;
        try {
            range = ByteRange.of(rangeHeader, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + size).build();
        }
        StreamingOutput body = out -> {
            try (InputStream in = opened.from().apply(range.map(ByteRange::first).orElse(0L))) {
                if (range.isPresent()) {
                    copy(in, out, range.get().length());
                } else {
                    in.transferTo(out);
                }
            }
        };
        Response.ResponseBuilder answer = range.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT).entity(body)
                        .header("Content-Range", "bytes " + range.get().first() + "-" + range.get().last() + "/" + size)
                        .header(HttpHeaders.CONTENT_LENGTH, range.get().length())
                : Response.ok(body).header(HttpHeaders.CONTENT_LENGTH, size);
        return answer.type(opened.recording().format()).header("Accept-Ranges", "bytes")
                .header("Content-Disposition", disposition).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }

    private static void copy(InputStream in, java.io.OutputStream out, long length) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
