package io.convene.user;

import java.util.UUID;

/** What a directory says about a person, as Convene keeps it on the user. */
public record DirectoryAccount(UUID directoryId, String uuid, String dn, String username, String name, String email,
                               String firstName, String lastName, String phone, String department,
                               String managerDn, String roles) {
}
