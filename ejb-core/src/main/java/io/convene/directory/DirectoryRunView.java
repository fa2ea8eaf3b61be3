package io.convene.directory;

import io.convene.shared.Jsons;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sync run with its counts; {@code errors} lists entries that failed on their own (only on the single run). */
public record DirectoryRunView(UUID id, UUID directoryId, DirectoryRun.Mode mode, DirectoryRun.Trigger trigger,
                               DirectoryRun.State state, Instant queuedAt, Instant startedAt, Instant finishedAt,
                               int seen, int created, int updated, int disabled, int failed, String error,
                               DirectoryFederation.ImportCounts keycloakImport, List<EntryError> errors) {

    public record EntryError(String entry, String message) {
    }

    private static DirectoryFederation.ImportCounts imported(String json) {
        if (json == null) {
            return null;
        }
        jakarta.json.JsonObject o = Jsons.createReader(new java.io.StringReader(json)).readObject();
        return new DirectoryFederation.ImportCounts(o.getInt("added"), o.getInt("updated"), o.getInt("removed"),
                o.getInt("failed"), o.containsKey("millis") ? o.getJsonNumber("millis").longValue() : 0);
    }

    static DirectoryRunView of(DirectoryRun r, List<EntryError> errors) {
        return new DirectoryRunView(r.id(), r.directoryId(), r.mode(), r.trigger(), r.state(), r.queuedAt(),
                r.startedAt(), r.finishedAt(), r.seen(), r.created(), r.updated(), r.disabled(), r.failed(), r.error(),
                imported(r.federation()), errors);
    }
}
