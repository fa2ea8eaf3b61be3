package io.convene.breakout;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;

/**
 * How people get into rooms: AUTO spreads everyone in the meeting but the hosts evenly; MANUAL
 * takes {@code rooms}: participationId to roomId.
 */
public record Assignment(@NotNull Mode mode, Map<UUID, UUID> rooms) {

    public enum Mode { AUTO, MANUAL }
}
