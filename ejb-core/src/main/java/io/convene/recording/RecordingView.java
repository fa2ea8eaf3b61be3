package io.convene.recording;

import java.time.Instant;
import java.util.UUID;

/** A recording as the API shows it (never where its file is kept). */
public record RecordingView(UUID id, UUID meetingId, Recording.Status status, Instant startedAt, Instant stoppedAt,
                            boolean shared, String format, Long sizeBytes, Long durationMs, String sha256,
                            String failure) {
}
