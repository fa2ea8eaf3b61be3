package io.convene.directory;

import io.convene.shared.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A sync run's own record, each step committed at once (the run itself is outside any transaction). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DirectoryRuns {

    @Inject
    DirectoryRepository directories;

    /** Takes a queued run for this thread; null when it is not queued any more. */
    public DirectoryRun claim(UUID runId, Instant now) {
        return directories.claim(runId, now).orElse(null);
    }

    public DirectoryRun run(UUID runId) {
        return directories.run(runId).orElse(null);
    }

    public Directory directory(UUID directoryId) {
        return directories.byId(directoryId).orElse(null);
    }

    public void federated(UUID directoryId, String federationId, Set<String> grantedGroups) {
        Directory d = directories.byId(directoryId).orElseThrow();
        d.federatedAs(federationId);
        d.granted(grantedGroups);
    }

    /** @param imported what Keycloak's import of everyone did; null when Keycloak was left to import at sign-in */
    public void succeed(UUID runId, UUID directoryId, String marker, DirectoryFederation.ImportCounts imported,
                        Instant now) {
        DirectoryRun run = directories.run(runId).orElseThrow();
        run.succeed(imported == null ? null : Jsons.createObjectBuilder().add("added", imported.added())
                .add("updated", imported.updated()).add("removed", imported.removed())
                .add("failed", imported.failed()).add("millis", imported.millis()).build().toString(), now);
        directories.byId(directoryId).orElseThrow().synced(run.mode(), marker, now);
    }

    public void fail(UUID runId, String reason, Instant now) {
        directories.run(runId).orElseThrow().fail(reason, now);
    }

    /** Marks as failed the runs that have shown no progress since {@code silentSince}; answers how many. */
    public int failSilent(Instant silentSince, Instant now) {
        return directories.failSilent(silentSince, now);
    }
}
