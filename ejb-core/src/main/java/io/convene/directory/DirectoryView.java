package io.convene.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A directory as the API shows it: everything but the bind password, which only shows as set or not. */
public record DirectoryView(UUID id, String name, DirectoryVendor vendor, DirectorySettings settings,
                            boolean bindPasswordSet, List<RoleMapping> roleMappings, boolean enabled,
                            int changesEveryMinutes, int fullEveryHours, boolean signInThroughKeycloak,
                            Instant lastFullSyncAt, Instant lastChangesSyncAt, Instant createdAt) {

    static DirectoryView of(Directory d) {
        return new DirectoryView(d.id(), d.name(), d.vendor(), d.settings(), d.hasBindPassword(), d.roleMappings(),
                d.enabled(), d.changesEveryMinutes(), d.fullEveryHours(), d.federationId() != null,
                d.lastFullSyncAt(), d.lastChangesSyncAt(), d.createdAt());
    }
}
