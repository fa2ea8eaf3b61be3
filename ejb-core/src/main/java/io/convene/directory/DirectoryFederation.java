package io.convene.directory;

import java.util.Map;
import java.util.Set;

/**
 * The port to Keycloak's LDAP user federation (module {@code sso}): Keycloak checks directory
 * passwords and reads group memberships live from the directory; Convene keeps the provider's
 * settings equal to its own and gives the mapped groups their realm roles.
 */
public interface DirectoryFederation {

    /**
     * Creates the LDAP provider (when {@code federationId} is null) or updates it to these settings,
     * with its attribute mappers and a group mapper; answers its id.
     */
    String register(String federationId, String name, DirectoryVendor vendor, DirectorySettings settings,
                    String bindPassword);

    /** Removes the provider and the users Keycloak imported through it. */
    void unregister(String federationId);

    /**
     * Loads the directory's groups into Keycloak, then makes the realm roles of each group path
     * ("/staff/engineering") exactly these among Convene's roles (other roles are left alone).
     */
    void grantGroupRoles(String federationId, Map<String, Set<String>> rolesByGroupPath);

    /** Keycloak's own import of the directory's people: all of them, or those changed since its last. */
    ImportCounts importPeople(String federationId, boolean full);

    /** @param millis how long Keycloak took */
    record ImportCounts(int added, int updated, int removed, int failed, long millis) {
    }
}
