package io.convene.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' rows, whichever type the driver and Hibernate hand back. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column: null stays null. */
    public static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime t ? t.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
