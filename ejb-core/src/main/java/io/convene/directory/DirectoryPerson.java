package io.convene.directory;

import java.util.List;

/** One person as the directory has them, attributes already picked by the mapping. */
public record DirectoryPerson(String dn, String uuid, String username, String email, String firstName,
                              String lastName, String displayName, String phone, String department,
                              String managerDn, boolean disabled, List<String> memberOf, String changeMarker) {

    /** The name to show: the display name, else first and last name, else the user name. */
    public String name() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName.trim();
        }
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return full.isEmpty() ? username : full;
    }
}
