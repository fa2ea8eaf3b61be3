package io.convene.directory;

import io.convene.directory.DirectorySettings.Attributes;
import io.convene.directory.DirectorySettings.MemberType;
import io.convene.directory.DirectorySettings.Security;
import java.util.List;

/** The kinds of directory Convene knows, each with the settings that fit it out of the box. */
public enum DirectoryVendor {

    ACTIVE_DIRECTORY {
        @Override
        public DirectorySettings preset() {
            return new DirectorySettings(List.of("ldaps://dc1.corp.example:636"), Security.LDAPS,
                    "CN=convene-sync,CN=Users,DC=corp,DC=example", "CN=Users,DC=corp,DC=example",
                    List.of("person", "organizationalPerson", "user"), "",
                    "CN=Users,DC=corp,DC=example", List.of("group"), "member", MemberType.DN,
                    new Attributes("objectGUID", "sAMAccountName", "mail,userPrincipalName", "givenName", "sn",
                            "displayName", "telephoneNumber", "department", "manager", "memberOf", "cn"),
                    "userAccountControl", "uSNChanged", 500);
        }
    },

    OPENLDAP {
        @Override
        public DirectorySettings preset() {
            return new DirectorySettings(List.of("ldap://ldap.corp.example:389"), Security.STARTTLS,
                    "cn=convene-sync,dc=corp,dc=example", "ou=people,dc=corp,dc=example",
                    List.of("inetOrgPerson", "organizationalPerson"), "",
                    "ou=groups,dc=corp,dc=example", List.of("groupOfNames"), "member", MemberType.DN,
                    new Attributes("entryUUID", "uid", "mail", "givenName", "sn", "cn", "telephoneNumber",
                            "departmentNumber", "manager", null, "cn"),
                    null, "modifyTimestamp", 500);
        }
    };

    /** Settings for a typical directory of this kind; change the host names and DNs. */
    public abstract DirectorySettings preset();
}
