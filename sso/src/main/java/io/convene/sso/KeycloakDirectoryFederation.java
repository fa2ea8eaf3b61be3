package io.convene.sso;

import io.convene.directory.DirectoryFederation;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryVendor;
import io.convene.shared.Caller;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keycloak's LDAP user federation, configured through the admin REST API from Convene's directory
 * settings: Keycloak checks passwords against the directory and reads group memberships from it
 * (read-only, groups nested as in the directory); Convene gives the mapped groups realm roles.
 */
@Singleton
@Local(DirectoryFederation.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeycloakDirectoryFederation implements DirectoryFederation {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectoryFederation.class.getName());
    private static final String STORAGE = "org.keycloak.storage.UserStorageProvider";
    private static final String MAPPER = "org.keycloak.storage.ldap.mappers.LDAPStorageMapper";
    private static final String GROUP_MAPPER = "convene-groups";

    @Inject
    KeycloakAdmin keycloak;

    @Override
    public String register(String federationId, String name, DirectoryVendor vendor, DirectorySettings settings,
                           String bindPassword) {
        String realmId = realmId();
        JsonObject provider = component(federationId, "convene: " + name, "ldap", STORAGE, realmId,
                providerConfig(vendor, settings, bindPassword));
        String id = federationId == null ? create(provider, "create the directory's LDAP provider")
                : update(federationId, provider, "update the directory's LDAP provider");
        String mapperId = groupMapperId(id);
        JsonObject mapper = component(mapperId, GROUP_MAPPER, "group-ldap-mapper", MAPPER, id, groupMapperConfig(settings));
        if (mapperId == null) {
            create(mapper, "create the directory's group mapper");
        } else {
            update(mapperId, mapper, "update the directory's group mapper");
        }
        LOG.info(() -> "Keycloak LDAP provider " + id + " for directory " + name + (federationId == null ? " created" : " updated"));
        return id;
    }

    @Override
    public void unregister(String federationId) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/components/" + federationId).delete())) {
            if (r.getStatus() != 204 && r.getStatus() != 404) {
                throw KeycloakAdmin.unexpected("remove the directory's LDAP provider", r);
            }
        }
    }

    @Override
    public void grantGroupRoles(String federationId, Map<String, Set<String>> rolesByGroupPath) {
        String mapperId = groupMapperId(federationId);
        try (Response r = KeycloakAdmin.call(() -> keycloak.slowAdmin("/user-storage/" + federationId + "/mappers/"
                + mapperId + "/sync?direction=fedToKeycloak").post(Entity.json("{}")))) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("load the directory's groups", r);
            }
        }
        rolesByGroupPath.forEach(this::grant);
    }

    @Override
    public ImportCounts importPeople(String federationId, boolean full) {
        String action = full ? "triggerFullSync" : "triggerChangedUsersSync";
        long t0 = System.nanoTime();
        try (Response r = KeycloakAdmin.call(() -> keycloak.slowAdmin("/user-storage/" + federationId + "/sync?action=" + action)
                .post(Entity.json("{}")))) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("import the directory's people", r);
            }
            JsonObject result = r.readEntity(JsonObject.class);
            return new ImportCounts(result.getInt("added", 0), result.getInt("updated", 0), result.getInt("removed", 0),
                    result.getInt("failed", 0), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Makes the group's Convene realm roles exactly {@code roles} (a group not loaded is skipped with a warning). */
    private void grant(String path, Set<String> roles) {
        String encoded = String.join("/", java.util.Arrays.stream(path.substring(1).split("/"))
                .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20")).toList());
        String groupId;
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/group-by-path/" + encoded).get())) {
            if (r.getStatus() == 404) {
                LOG.warning(() -> "Keycloak has no group " + path + " after loading the directory's groups; roles "
                        + roles + " not granted");
                return;
            }
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("find group " + path, r);
            }
            groupId = r.readEntity(JsonObject.class).getString("id");
        }
        keycloak.makeRealmRoles("/groups/" + groupId + "/role-mappings/realm", roles, Caller.REALM_ROLES, "group " + path);
    }

    private String groupMapperId(String providerId) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/components?parent=" + providerId + "&type=" + MAPPER
                + "&name=" + GROUP_MAPPER).get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("list the directory's mappers", r);
            }
            List<JsonObject> found = r.readEntity(JsonArray.class).getValuesAs(JsonObject.class);
            return found.isEmpty() ? null : found.get(0).getString("id");
        }
    }

    private String realmId() {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("").get())) {
            if (r.getStatus() != 200) {
                throw KeycloakAdmin.unexpected("read the realm", r);
            }
            return r.readEntity(JsonObject.class).getString("id");
        }
    }

    private String create(JsonObject component, String what) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/components").post(Entity.json(component.toString())))) {
            if (r.getStatus() != 201) {
                throw KeycloakAdmin.unexpected(what, r);
            }
            String path = URI.create(r.getHeaderString("Location")).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private String update(String id, JsonObject component, String what) {
        try (Response r = KeycloakAdmin.call(() -> keycloak.admin("/components/" + id).put(Entity.json(component.toString())))) {
            if (r.getStatus() == 404) {
                // removed in Keycloak by hand: make it again
                JsonObjectBuilder fresh = Jsons.createObjectBuilder(component).remove("id");
                return create(fresh.build(), what);
            }
            if (r.getStatus() != 204) {
                throw KeycloakAdmin.unexpected(what, r);
            }
            return id;
        }
    }

    private static JsonObject component(String id, String name, String providerId, String type, String parentId,
                                        JsonObjectBuilder config) {
        JsonObjectBuilder c = Jsons.createObjectBuilder().add("name", name).add("providerId", providerId)
                .add("providerType", type).add("parentId", parentId).add("config", config);
        if (id != null) {
            c.add("id", id);
        }
        return c.build();
    }

    private static JsonObjectBuilder providerConfig(DirectoryVendor vendor, DirectorySettings s, String bindPassword) {
        boolean ad = vendor == DirectoryVendor.ACTIVE_DIRECTORY;
        boolean anonymous = s.bindDn() == null || s.bindDn().isBlank();
        JsonObjectBuilder c = Jsons.createObjectBuilder();
        one(c, "enabled", "true");
        one(c, "priority", "0");
        one(c, "vendor", ad ? "ad" : "other");
        one(c, "connectionUrl", String.join(" ", s.urls()));
        one(c, "startTls", String.valueOf(s.security() == DirectorySettings.Security.STARTTLS));
        one(c, "useTruststoreSpi", "always");
        one(c, "connectionPooling", "true");
        one(c, "connectionTimeout", "5000");
        one(c, "authType", anonymous ? "none" : "simple");
        if (!anonymous) {
            one(c, "bindDn", s.bindDn());
            one(c, "bindCredential", bindPassword);
        }
        one(c, "editMode", "READ_ONLY");
        one(c, "usersDn", s.usersDn());
        one(c, "usernameLDAPAttribute", s.attributes().username());
        one(c, "rdnLDAPAttribute", ad ? "cn" : s.attributes().username());
        one(c, "uuidLDAPAttribute", s.attributes().uuid());
        one(c, "userObjectClasses", String.join(", ", s.userObjectClasses()));
        one(c, "customUserSearchFilter", s.userFilter() == null ? "" : s.userFilter().trim());
        one(c, "searchScope", "2");
        one(c, "pagination", "true");
        one(c, "batchSizeForSync", String.valueOf(s.pageSize()));
        one(c, "importEnabled", "true");
        one(c, "syncRegistrations", "false");
        one(c, "fullSyncPeriod", "-1");
        one(c, "changedSyncPeriod", "-1");
        one(c, "trustEmail", "true");
        one(c, "validatePasswordPolicy", "false");
        one(c, "allowKerberosAuthentication", "false");
        one(c, "cachePolicy", "DEFAULT");
        return c;
    }

    private static JsonObjectBuilder groupMapperConfig(DirectorySettings s) {
        JsonObjectBuilder c = Jsons.createObjectBuilder();
        one(c, "groups.dn", s.groupsDn());
        one(c, "group.name.ldap.attribute", s.attributes().groupName());
        one(c, "group.object.classes", String.join(", ", s.groupObjectClasses()));
        one(c, "preserve.group.inheritance", "true");
        one(c, "ignore.missing.groups", "true");
        one(c, "membership.ldap.attribute", s.groupMemberAttribute());
        one(c, "membership.attribute.type", s.memberType() == DirectorySettings.MemberType.DN ? "DN" : "UID");
        one(c, "membership.user.ldap.attribute", s.attributes().username());
        one(c, "mode", "READ_ONLY");
        one(c, "user.roles.retrieve.strategy", "LOAD_GROUPS_BY_MEMBER_ATTRIBUTE");
        one(c, "memberof.ldap.attribute", s.attributes().memberOf() == null ? "memberOf" : s.attributes().memberOf());
        one(c, "drop.non.existing.groups.during.sync", "false");
        one(c, "groups.path", "/");
        return c;
    }

    private static void one(JsonObjectBuilder config, String key, String value) {
        config.add(key, Jsons.createArrayBuilder().add(value == null ? "" : value));
    }
}
