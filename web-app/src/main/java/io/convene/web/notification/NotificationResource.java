package io.convene.web.notification;

import io.convene.notification.Channel;
import io.convene.notification.NotificationService;
import io.convene.platform.SignedTickets;
import io.convene.notification.NotificationView;
import io.convene.notification.Topic;
import io.convene.shared.Caller;
import io.convene.shared.Page;
import io.convene.web.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One's own notifications (in-app) and subscriptions per channel and topic. */
@Path("/notifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.HOST, Caller.PARTICIPANT, Caller.COMPLIANCE_OFFICER})
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    Callers callers;

    /** A channel and a topic, as the subscribe body. */
    public record Subscription(@NotNull Channel channel, @NotNull Topic topic) {
    }

    @GET
    @Path("/list")
    public Page<NotificationView> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notifications.list(callers.current(), unreadOnly, page, size);
    }

    @POST
    @Path("/{id}/read")
    public NotificationView read(@PathParam("id") UUID id) {
        return notifications.markRead(callers.current(), id);
    }

    /** A ticket that opens one's {@code /ws/notifications} from a browser ({@code ?ticket=}), two minutes. */
    @POST
    @Path("/ticket")
    public SignedTickets.Ticket ticket() {
        return notifications.socketTicket(callers.current());
    }

    @POST
    @Path("/read-all")
    public Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(callers.current()));
    }

    @GET
    @Path("/subscriptions")
    public Map<Channel, Set<Topic>> subscriptions() {
        return notifications.subscriptions(callers.current());
    }

    @POST
    @Path("/subscribe")
    public Map<Channel, Set<Topic>> subscribe(@NotNull @Valid Subscription s) {
        return notifications.subscribe(callers.current(), s.channel(), s.topic());
    }

    @DELETE
    @Path("/unsubscribe")
    public Map<Channel, Set<Topic>> unsubscribe(@QueryParam("channel") @NotNull Channel channel,
                                                @QueryParam("topic") @NotNull Topic topic) {
        return notifications.unsubscribe(callers.current(), channel, topic);
    }
}
