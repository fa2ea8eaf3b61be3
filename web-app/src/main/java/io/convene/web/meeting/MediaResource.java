package io.convene.web.meeting;

import io.convene.media.IceServers;
import io.convene.meeting.ParticipantMedia;
import io.convene.meeting.ParticipantMedia.Device;
import io.convene.meeting.ParticipantMedia.MediaState;
import io.convene.web.api.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A participant's microphone, camera and screen share, and the ICE servers their browser may use.
 * Signed-in users send their bearer token, guests their ticket; the body {@code {"on": true|false}}
 * sets, {@code {}} flips.
 */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class MediaResource {

    @Inject
    ParticipantMedia media;

    @Inject
    Callers callers;

    @Inject
    IceServers iceServers;

    /** On or off; null flips. */
    public record Switch(Boolean on) {
    }

    /** {@code /audio/toggle} and {@code /video/toggle}. */
    @POST
    @Path("/{id}/{device: audio|video}/toggle")
    public MediaState toggle(@PathParam("id") String id, @PathParam("device") String device,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                             @NotNull @Valid Switch change) {
        return change(id, authorization, guestTicket, device.equals("audio") ? Device.AUDIO : Device.VIDEO, change.on());
    }

    /** {@code /screen-share/start} and {@code /screen-share/stop}. */
    @POST
    @Path("/{id}/screen-share/{action: start|stop}")
    @Consumes(MediaType.WILDCARD)
    public MediaState screenShare(@PathParam("id") String id, @PathParam("action") String action,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return change(id, authorization, guestTicket, Device.SCREEN, action.equals("start"));
    }

    /**
     * The STUN/TURN servers for this participant's browser (RTCConfiguration.iceServers), TURN with
     * credentials that expire; only for those admitted to the meeting.
     */
    @GET
    @Path("/{id}/ice-servers")
    public IceServers.IceConfiguration iceServers(@PathParam("id") String id,
                                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                  @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return iceServers.forParticipant(callers.presented(authorization).orElse(null), guestTicket, id);
    }

    private MediaState change(String id, String authorization, String guestTicket, Device device, Boolean on) {
        return media.change(callers.presented(authorization).orElse(null), guestTicket, id, device, on);
    }
}
