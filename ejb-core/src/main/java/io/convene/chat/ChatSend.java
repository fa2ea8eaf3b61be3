package io.convene.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A message to send: {@code clientMessageId} is the sender's own id for it (a resend with the same id
 * is the same message); {@code to} makes it private; {@code attachmentId} is an uploaded file.
 */
public record ChatSend(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and ._:- only")
        String clientMessageId,
        @Size(max = 4000) String text,
        UUID to,
        UUID attachmentId) {
}
