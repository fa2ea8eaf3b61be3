package io.convene.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Keycloak's LDAP federation as a record of what Convene asked of it. */
final class RecordingFederation implements DirectoryFederation {

    record Registration(String federationId, String name, DirectoryVendor vendor, DirectorySettings settings,
                        String bindPassword) {
    }

    final ImportCounts imported = new ImportCounts(3, 1, 0, 0, 840);
    private final List<Registration> registrations = new ArrayList<>();
    private final List<Map<String, Set<String>>> grants = new ArrayList<>();
    private final List<Boolean> imports = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();
    private int made;

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    /** Each grant of group roles, its paths sorted. */
    List<Map<String, Set<String>>> grants() {
        return List.copyOf(grants);
    }

    /** Each import asked for: full (true) or of changes (false). */
    List<Boolean> imports() {
        return List.copyOf(imports);
    }

    List<String> unregistered() {
        return List.copyOf(unregistered);
    }

    @Override
    public String register(String federationId, String name, DirectoryVendor vendor, DirectorySettings settings,
                           String bindPassword) {
        registrations.add(new Registration(federationId, name, vendor, settings, bindPassword));
        return federationId == null ? "federation-" + ++made : federationId;
    }

    @Override
    public void unregister(String federationId) {
        unregistered.add(federationId);
    }

    @Override
    public void grantGroupRoles(String federationId, Map<String, Set<String>> rolesByGroupPath) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        rolesByGroupPath.forEach((path, roles) -> sorted.put(path, new TreeSet<>(roles)));
        grants.add(sorted);
    }

    @Override
    public ImportCounts importPeople(String federationId, boolean full) {
        imports.add(full);
        return imported;
    }
}
