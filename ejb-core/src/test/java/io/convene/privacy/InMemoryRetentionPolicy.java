package io.convene.privacy;

import io.convene.personaldata.RetentionRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one retention policy kept in fields, for unit tests (a fresh installation keeps everything for ever). */
final class InMemoryRetentionPolicy implements RetentionPolicyStore {

    private RetentionRun.Ages ages = new RetentionRun.Ages(null, null, null, null);
    private Instant lastPurgeAt;
    private Map<String, Integer> lastPurge = Map.of();

    @Override
    public Retention.Policy read() {
        return new Retention.Policy(ages.chatDays(), ages.notificationDays(), ages.meetingLogDays(), ages.recordingDays(),
                lastPurgeAt, new LinkedHashMap<>(lastPurge));
    }

    @Override
    public void change(RetentionRun.Ages ages) {
        this.ages = ages;
    }

    @Override
    public void purged(Instant at, Map<String, Integer> counts) {
        lastPurgeAt = at;
        lastPurge = new LinkedHashMap<>(counts);
    }
}
