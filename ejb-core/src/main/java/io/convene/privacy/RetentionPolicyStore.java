package io.convene.privacy;

import io.convene.personaldata.RetentionRun;
import java.time.Instant;
import java.util.Map;

/** The one retention policy and its last purge ({@code persistence.SqlRetentionPolicyStore} in PostgreSQL). */
public interface RetentionPolicyStore {

    Retention.Policy read();

    void change(RetentionRun.Ages ages);

    void purged(Instant at, Map<String, Integer> counts);
}
