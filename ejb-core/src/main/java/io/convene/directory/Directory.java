package io.convene.directory;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An LDAP directory that provisions Convene's users: how to read it, which groups give which realm
 * roles, how often it is synced, and how far the last sync of changes got.
 */
@Entity
@Table(name = "directories")
public class Directory {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DirectoryVendor vendor;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String settings;

    @Column(name = "bind_password_sealed")
    private String bindPasswordSealed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "role_mappings", nullable = false)
    private String roleMappings;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "changes_every_minutes", nullable = false)
    private int changesEveryMinutes;

    @Column(name = "full_every_hours", nullable = false)
    private int fullEveryHours;

    /** The Keycloak LDAP provider made from these settings (sign-in with the directory password). */
    @Column(name = "federation_id")
    private String federationId;

    /** The Keycloak group paths Convene gave realm roles to, one per line (taken back when unmapped). */
    @Column(name = "granted_groups")
    private String grantedGroups;

    /** The highest change marker (modifyTimestamp, uSNChanged) a finished sync has seen. */
    @Column(name = "change_marker")
    private String changeMarker;

    @Column(name = "last_full_sync_at")
    private Instant lastFullSyncAt;

    @Column(name = "last_changes_sync_at")
    private Instant lastChangesSyncAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Directory() {
    }

    Directory(String name, DirectoryVendor vendor, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.vendor = vendor;
        this.createdAt = now;
    }

    void configure(DirectorySettings settings, List<RoleMapping> roleMappings, boolean enabled,
                   int changesEveryMinutes, int fullEveryHours) {
        String before = this.settings;
        this.settings = JSON.toJson(settings);
        this.roleMappings = JSON.toJson(List.copyOf(roleMappings));
        this.enabled = enabled;
        this.changesEveryMinutes = changesEveryMinutes;
        this.fullEveryHours = fullEveryHours;
        if (before != null && !before.equals(this.settings)) {
            changeMarker = null; // other servers or filters: the next changes sync starts from scratch
        }
    }

    void rename(String name) {
        this.name = name;
    }

    void sealBindPassword(String sealed) {
        this.bindPasswordSealed = sealed;
    }

    void federatedAs(String federationId) {
        this.federationId = federationId;
    }

    java.util.Set<String> grantedGroups() {
        return grantedGroups == null || grantedGroups.isEmpty() ? java.util.Set.of()
                : java.util.Set.of(grantedGroups.split("\n"));
    }

    void granted(java.util.Set<String> paths) {
        this.grantedGroups = String.join("\n", new java.util.TreeSet<>(paths));
    }

    void synced(DirectoryRun.Mode mode, String marker, Instant at) {
        this.changeMarker = marker;
        if (mode == DirectoryRun.Mode.FULL) {
            lastFullSyncAt = at;
        }
        lastChangesSyncAt = at;
    }

    /** Which sync is due now, if any: a full one when none ran for fullEveryHours, else changes. */
    DirectoryRun.Mode due(Instant now) {
        if (!enabled) {
            return null;
        }
        if (lastFullSyncAt == null || lastFullSyncAt.plus(Duration.ofHours(fullEveryHours)).isBefore(now)) {
            return DirectoryRun.Mode.FULL;
        }
        if (lastChangesSyncAt == null || lastChangesSyncAt.plus(Duration.ofMinutes(changesEveryMinutes)).isBefore(now)) {
            return DirectoryRun.Mode.CHANGES;
        }
        return null;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public DirectoryVendor vendor() {
        return vendor;
    }

    public DirectorySettings settings() {
        return JSON.fromJson(settings, DirectorySettings.class);
    }

    public List<RoleMapping> roleMappings() {
        return List.of(JSON.fromJson(roleMappings, RoleMapping[].class));
    }

    String bindPasswordSealed() {
        return bindPasswordSealed;
    }

    public boolean hasBindPassword() {
        return bindPasswordSealed != null;
    }

    public boolean enabled() {
        return enabled;
    }

    public int changesEveryMinutes() {
        return changesEveryMinutes;
    }

    public int fullEveryHours() {
        return fullEveryHours;
    }

    public String federationId() {
        return federationId;
    }

    public String changeMarker() {
        return changeMarker;
    }

    public Instant lastFullSyncAt() {
        return lastFullSyncAt;
    }

    public Instant lastChangesSyncAt() {
        return lastChangesSyncAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
