package io.convene.chat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A chat message as participants see it. */
public record ChatMessageView(UUID id, long position, UUID from, String fromName, UUID to, String text,
                              Attachment attachment, Instant sentAt, Map<String, Long> reactions) {

    public record Attachment(UUID id, String fileName, String contentType, long size) {

        static Attachment of(ChatAttachment a) {
            return a == null ? null : new Attachment(a.id(), a.fileName(), a.contentType(), a.size());
        }
    }
}
