package io.convene.web.chat;

import io.convene.chat.ChatAttachments;
import io.convene.chat.ChatMessageView;
import io.convene.chat.ChatPage;
import io.convene.chat.ChatSend;
import io.convene.chat.ChatService;
import io.convene.shared.Caller;
import io.convene.web.api.Callers;
import io.convene.web.api.EmojiReaction;
import io.convene.web.meeting.MeetingResource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Meeting chat (seed API group 5): send, read, react, attach. Those in the meeting, signed in or as
 * guests with their ticket.
 */
@Path("/meetings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class ChatResource {

    @Inject
    ChatService chat;

    @Inject
    ChatAttachments attachments;

    @Inject
    Callers callers;

    @POST
    @Path("/{id}/chat/send")
    public Response send(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                         @NotNull @Valid ChatSend message) {
        ChatService.Sent sent = chat.send(caller(authorization), guestTicket, id, message);
        return Response.status(sent.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(sent.message()).build();
    }

    @GET
    @Path("/{id}/chat/messages")
    public ChatPage messages(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                             @QueryParam("before") @Min(1) Long before,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(ChatService.MAX_PAGE) int size) {
        return chat.messages(caller(authorization), guestTicket, id, before, size);
    }

    @POST
    @Path("/{id}/chat/messages/{messageId}/reactions")
    public Map<String, Long> react(@PathParam("id") String id, @PathParam("messageId") UUID messageId,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                                   @NotNull @Valid EmojiReaction reaction) {
        return chat.react(caller(authorization), guestTicket, id, messageId, reaction.emoji(), true);
    }

    @DELETE
    @Path("/{id}/chat/messages/{messageId}/reactions/{emoji}")
    public Map<String, Long> unreact(@PathParam("id") String id, @PathParam("messageId") UUID messageId,
                                     @PathParam("emoji") @Pattern(regexp = EmojiReaction.EMOJI, message = "must be an emoji") String emoji,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        return chat.react(caller(authorization), guestTicket, id, messageId, emoji, false);
    }

    /** The file is the body; its name in {@code X-File-Name}, its type in Content-Type. */
    @POST
    @Path("/{id}/chat/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket,
                           @HeaderParam("X-File-Name") @Size(max = 1024) String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream content) {
        ChatMessageView.Attachment stored = attachments.upload(caller(authorization), guestTicket, id, fileName,
                contentType, content);
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @GET
    @Path("/{id}/chat/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") UUID attachmentId,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(MeetingResource.GUEST_TICKET) @Size(max = 4096) String guestTicket) {
        ChatAttachments.Download download = attachments.download(caller(authorization), guestTicket, id, attachmentId);
        StreamingOutput body = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, download.file().contentType())
                .header(HttpHeaders.CONTENT_LENGTH, download.file().size())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(download.file().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private Caller caller(String authorization) {
        return callers.presented(authorization).orElse(null);
    }
}
