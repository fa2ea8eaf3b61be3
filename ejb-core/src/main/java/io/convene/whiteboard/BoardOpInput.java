package io.convene.whiteboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One operation as a client sends it: {@code opId} is the client's own id (a resend is applied
 * once); PUT takes objectId and shape, DELETE objectId, UNDO the target opId of one's own, CLEAR
 * nothing (hosts only).
 */
public record BoardOpInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String opId,
        @NotNull WhiteboardOp.Kind op,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String objectId,
        @Size(max = 64) String target,
        @Valid Shape shape) {
}
