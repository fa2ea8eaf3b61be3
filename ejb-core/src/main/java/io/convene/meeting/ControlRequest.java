package io.convene.meeting;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A host control: the action and, for actions on one participant, whom. */
public record ControlRequest(@NotNull ControlAction action, UUID participationId) {
}
