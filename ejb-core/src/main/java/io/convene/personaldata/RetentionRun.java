package io.convene.personaldata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the retention policy as the keepers see it: the ages in days (null keeps for ever),
 * whether it deletes or only counts (a dry run), what each keeper counted, and the stored files to
 * delete once the rows are gone.
 */
public final class RetentionRun {

    /** The policy's ages in days; null keeps that kind for ever. */
    public record Ages(Integer chatDays, Integer notificationDays, Integer meetingLogDays, Integer recordingDays) {
    }

    private final Ages ages;
    private final Instant now;
    private final boolean purging;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();

    public RetentionRun(Ages ages, Instant now, boolean purging) {
        this.ages = ages;
        this.now = now;
        this.purging = purging;
    }

    public Ages ages() {
        return ages;
    }

    public Instant now() {
        return now;
    }

    /** Whether this run deletes (false: a dry run that only counts). */
    public boolean purging() {
        return purging;
    }

    /** The instant before which an age of {@code days} lets records go; null when the age is null (kept for ever). */
    public Instant before(Integer days) {
        return days == null ? null : now.minus(Duration.ofDays(days));
    }

    /** How many records of one kind ("chat-messages") go (or would go). */
    public void counted(String kind, int count) {
        counts.merge(kind, count, Integer::sum);
    }

    public Map<String, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** A stored file whose record was purged, deleted after the purge's writes are done. */
    public void deleteFileAfterwards(String blobKey) {
        files.add(blobKey);
    }

    public List<String> files() {
        return Collections.unmodifiableList(files);
    }
}
