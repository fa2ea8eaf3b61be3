package io.convene.directory;

import java.util.List;

/**
 * How to reach a directory and read people and groups from it. The bind password is not here: it
 * is sealed apart and never leaves Convene.
 *
 * @param urls            tried in order, the next one when a server does not answer (failover)
 * @param userFilter      an extra LDAP filter people must match besides their object classes (may be empty)
 * @param memberType      whether a group's member values are DNs (groupOfNames) or user names (posixGroup)
 * @param disabledFlag    Active Directory's {@code userAccountControl}: bit 2 set means disabled; null elsewhere
 * @param changeMarker    what tells changed entries apart: {@code modifyTimestamp} or AD's {@code uSNChanged}
 */
public record DirectorySettings(List<String> urls, Security security, String bindDn,
                                String usersDn, List<String> userObjectClasses, String userFilter,
                                String groupsDn, List<String> groupObjectClasses, String groupMemberAttribute,
                                MemberType memberType, Attributes attributes, String disabledFlag,
                                String changeMarker, int pageSize) {

    public enum Security { NONE, LDAPS, STARTTLS }

    public enum MemberType { DN, USERNAME }

    /**
     * Which LDAP attribute holds what. {@code email} may name several, comma separated, the first
     * one present wins (AD: mail, else userPrincipalName).
     */
    public record Attributes(String uuid, String username, String email, String firstName, String lastName,
                             String displayName, String phone, String department, String manager,
                             String memberOf, String groupName) {
    }

    public List<String> emailAttributes() {
        return List.of(attributes.email().split("\\s*,\\s*"));
    }

    /** The filter that finds people: their object classes and the extra filter. */
    public String peopleFilter() {
        StringBuilder f = new StringBuilder("(&");
        userObjectClasses.forEach(c -> f.append("(objectClass=").append(c).append(')'));
        if (userFilter != null && !userFilter.isBlank()) {
            f.append(userFilter.trim());
        }
        return f.append(')').toString();
    }

    /** The filter that finds groups. */
    public String groupsFilter() {
        StringBuilder f = new StringBuilder("(|");
        groupObjectClasses.forEach(c -> f.append("(objectClass=").append(c).append(')'));
        return f.append(')').toString();
    }
}
