package io.convene.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.directory.DirectorySettings.MemberType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

    private static final String ALICE = "uid=alice,ou=people,dc=corp,dc=example";
    private static final List<RoleMapping> MAPPINGS = List.of(new RoleMapping("cn=staff, ou=groups,dc=corp,dc=example", "host"),
            new RoleMapping("CN=IT-Admins,ou=groups,dc=corp,dc=example", "admin"));

    private final GroupTree tree = new GroupTree(List.of(
            group("staff", List.of("cn=engineering,ou=groups,dc=corp,dc=example")),
            group("engineering", List.of("cn=platform,ou=groups,dc=corp,dc=example")),
            group("platform", List.of("UID=Alice, ou=people,dc=corp,dc=example")),
            group("it-admins", List.of()),
            // a cycle, as directories sometimes have: it must not loop
            group("a", List.of("cn=b,ou=groups,dc=corp,dc=example")),
            group("b", List.of("cn=a,ou=groups,dc=corp,dc=example", ALICE))), MemberType.DN);

    @Test
    void rolesComeThroughAnyDepthOfNestingWhateverTheDnSpelling() {
        assertThat(tree.rolesOf(person(ALICE, List.of()), MemberType.DN, MAPPINGS)).containsExactly("host");
    }

    @Test
    void memberOfOnThePersonCountsToo() {
        DirectoryPerson bob = person("uid=bob,ou=people,dc=corp,dc=example", List.of("cn=it-admins,ou=groups,dc=corp,dc=example"));
        assertThat(tree.rolesOf(bob, MemberType.DN, MAPPINGS)).containsExactly("admin");
        assertThat(tree.rolesOf(person("uid=carol,ou=people,dc=corp,dc=example", List.of()), MemberType.DN, MAPPINGS)).isEmpty();
    }

    @Test
    void keycloakPathsFollowTheNesting() {
        assertThat(tree.pathOf("cn=platform,ou=groups,dc=corp,dc=example")).isEqualTo("/staff/engineering/platform");
        assertThat(tree.pathOf("cn=it-admins,ou=groups,dc=corp,dc=example")).isEqualTo("/it-admins");
    }

    @Test
    void posixGroupsListUserNames() {
        GroupTree posix = new GroupTree(List.of(new DirectoryGroup("cn=ops,ou=groups,dc=corp,dc=example", "ops",
                List.of("alice"), List.of())), MemberType.USERNAME);
        assertThat(posix.rolesOf(person(ALICE, List.of()), MemberType.USERNAME,
                List.of(new RoleMapping("cn=ops,ou=groups,dc=corp,dc=example", "admin")))).containsExactly("admin");
    }

    private static DirectoryGroup group(String name, List<String> members) {
        return new DirectoryGroup("cn=" + name + ",ou=groups,dc=corp,dc=example", name, members, List.of());
    }

    private static DirectoryPerson person(String dn, List<String> memberOf) {
        String uid = dn.substring(4, dn.indexOf(','));
        return new DirectoryPerson(dn, "u-" + uid, uid, uid + "@corp.example", null, null, null, null, null, null,
                false, memberOf, null);
    }
}
