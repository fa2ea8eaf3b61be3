package io.convene.whiteboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A batch of whiteboard operations, applied in order. */
public record BoardOps(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid BoardOpInput> ops) {
}
