package io.convene.directory;

import io.convene.shared.InvalidInputException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Whether directory settings can work at all, before anyone tries to connect with them. */
final class DirectorySettingsCheck {

    private DirectorySettingsCheck() {
    }

    static void requireValid(DirectorySettings s) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (s.urls() == null || s.urls().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("settings.urls", "must list at least one ldap:// or ldaps:// URL"));
        } else {
            for (int i = 0; i < s.urls().size(); i++) {
                if (!isLdapUrl(s.urls().get(i))) {
                    errors.add(new InvalidInputException.FieldError("settings.urls[" + i + "]", "must be ldap://host:port or ldaps://host:port"));
                }
            }
        }
        if (s.security() == null) {
            errors.add(new InvalidInputException.FieldError("settings.security", "must be NONE, LDAPS or STARTTLS"));
        }
        requireDn(errors, "settings.usersDn", s.usersDn());
        requireDn(errors, "settings.groupsDn", s.groupsDn());
        if (s.bindDn() != null && !s.bindDn().isBlank() && !s.bindDn().contains("=")) {
            errors.add(new InvalidInputException.FieldError("settings.bindDn", "must be a DN, or empty for an anonymous bind"));
        }
        if (s.userObjectClasses() == null || s.userObjectClasses().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("settings.userObjectClasses", "must name at least one object class"));
        }
        if (s.groupObjectClasses() == null || s.groupObjectClasses().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("settings.groupObjectClasses", "must name at least one object class"));
        }
        if (s.userFilter() != null && !s.userFilter().isBlank()
                && !(s.userFilter().trim().startsWith("(") && s.userFilter().trim().endsWith(")"))) {
            errors.add(new InvalidInputException.FieldError("settings.userFilter", "must be an LDAP filter in parentheses"));
        }
        if (s.groupMemberAttribute() == null || s.groupMemberAttribute().isBlank() || s.memberType() == null) {
            errors.add(new InvalidInputException.FieldError("settings.groupMemberAttribute", "and memberType are required"));
        }
        DirectorySettings.Attributes a = s.attributes();
        if (a == null || blank(a.uuid()) || blank(a.username()) || blank(a.email()) || blank(a.groupName())) {
            errors.add(new InvalidInputException.FieldError("settings.attributes", "uuid, username, email and groupName are required"));
        }
        if (blank(s.changeMarker())) {
            errors.add(new InvalidInputException.FieldError("settings.changeMarker", "is required (modifyTimestamp or uSNChanged)"));
        }
        if (s.pageSize() < 1 || s.pageSize() > 1000) {
            errors.add(new InvalidInputException.FieldError("settings.pageSize", "must be between 1 and 1000"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean isLdapUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("ldap".equals(u.getScheme()) || "ldaps".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireDn(List<InvalidInputException.FieldError> errors, String field, String dn) {
        if (dn == null || !dn.contains("=")) {
            errors.add(new InvalidInputException.FieldError(field, "must be a DN such as ou=people,dc=corp,dc=example"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
