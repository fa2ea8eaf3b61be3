package io.convene.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A directory's groups and who is in them, nested groups included: which realm roles a person gets
 * from the role mappings, and where each group sits in Keycloak's group tree. Holds group names and
 * member keys only, never people's entries, so it stays small next to the directory.
 */
public final class GroupTree {

    private final Map<String, DirectoryGroup> groups = new HashMap<>();
    private final Map<String, List<String>> groupsOfMember = new HashMap<>();
    private final Map<String, Set<String>> parents = new HashMap<>();

    public GroupTree(Collection<DirectoryGroup> all, DirectorySettings.MemberType memberType) {
        all.forEach(g -> groups.put(normalize(g.dn()), g));
        for (DirectoryGroup g : all) {
            String dn = normalize(g.dn());
            for (String member : g.members()) {
                String key = memberType == DirectorySettings.MemberType.DN ? normalize(member) : member.toLowerCase(Locale.ROOT);
                if (groups.containsKey(key) && !key.equals(dn)) {
                    parents.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(dn);
                } else {
                    groupsOfMember.computeIfAbsent(key, k -> new ArrayList<>(2)).add(dn);
                }
            }
            for (String parent : g.memberOf()) {
                String p = normalize(parent);
                if (groups.containsKey(p) && !p.equals(dn)) {
                    parents.computeIfAbsent(dn, k -> new LinkedHashSet<>()).add(p);
                }
            }
        }
    }

    /** DNs compare without case and without blanks around separators, as LDAP compares them. */
    public static String normalize(String dn) {
        return dn.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*([,=+])\\s*", "$1");
    }

    public int size() {
        return groups.size();
    }

    public boolean contains(String dn) {
        return groups.containsKey(normalize(dn));
    }

    /** The realm roles this person gets from the mappings, through any depth of nesting (sorted). */
    public Set<String> rolesOf(DirectoryPerson person, DirectorySettings.MemberType memberType,
                               Collection<RoleMapping> mappings) {
        Map<String, Set<String>> rolesByGroup = new HashMap<>();
        mappings.forEach(m -> rolesByGroup.computeIfAbsent(normalize(m.group()), k -> new HashSet<>()).add(m.role()));
        Set<String> roles = new TreeSet<>();
        for (String group : ancestorsAndSelf(directGroups(person, memberType))) {
            roles.addAll(rolesByGroup.getOrDefault(group, Set.of()));
        }
        return roles;
    }

    /**
     * The group's path in Keycloak ("/staff/engineering"): Keycloak nests a group under one parent,
     * the first one the directory lists.
     */
    public String pathOf(String dn) {
        List<String> names = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String current = normalize(dn);
        while (current != null && groups.containsKey(current) && visited.add(current)) {
            names.add(0, groups.get(current).name());
            Set<String> up = parents.get(current);
            current = up == null || up.isEmpty() ? null : up.iterator().next();
        }
        return "/" + String.join("/", names);
    }

    private Set<String> directGroups(DirectoryPerson person, DirectorySettings.MemberType memberType) {
        Set<String> direct = new HashSet<>();
        String key = memberType == DirectorySettings.MemberType.DN ? normalize(person.dn())
                : person.username().toLowerCase(Locale.ROOT);
        direct.addAll(groupsOfMember.getOrDefault(key, List.of()));
        person.memberOf().stream().map(GroupTree::normalize).filter(groups::containsKey).forEach(direct::add);
        return direct;
    }

    private Set<String> ancestorsAndSelf(Set<String> start) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (String parent : parents.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(parent)) { // cycles in the directory end here
                    todo.push(parent);
                }
            }
        }
        return seen;
    }
}
