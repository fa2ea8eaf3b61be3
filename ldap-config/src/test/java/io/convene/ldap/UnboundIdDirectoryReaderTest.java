package io.convene.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.convene.directory.DirectoryGroup;
import io.convene.directory.DirectoryPerson;
import io.convene.directory.DirectoryReader.DirectoryAccess;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryUnreachableException;
import io.convene.directory.DirectoryVendor;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader against a real LDAP server (UnboundID's in-memory one), OpenLDAP-shaped. */
class UnboundIdDirectoryReaderTest {

    private static final String BIND_DN = "cn=sync,dc=corp,dc=example";
    private static InMemoryDirectoryServer server;
    private static final AtomicInteger SEARCHES = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();
    private final UnboundIdDirectoryReader reader = new UnboundIdDirectoryReader();

    UnboundIdDirectoryReaderTest() {
        reader.threads = THREADS;
    }

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=corp,dc=example");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                SEARCHES.incrementAndGet();
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=corp,dc=example", "objectClass: domain", "dc: corp");
        server.add("dn: ou=people,dc=corp,dc=example", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups,dc=corp,dc=example", "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: " + BIND_DN, "objectClass: person", "cn: sync", "sn: sync", "userPassword: bind-secret");
        for (int i = 1; i <= 25; i++) {
            server.add("dn: uid=p" + i + ",ou=people,dc=corp,dc=example", "objectClass: inetOrgPerson", "uid: p" + i,
                    "cn: Person " + i, "givenName: Person", "sn: " + i, "mail: p" + i + "@corp.example",
                    "departmentNumber: D" + (i % 3));
        }
        server.add("dn: cn=team,ou=groups,dc=corp,dc=example", "objectClass: groupOfNames", "cn: team",
                "member: uid=p1,ou=people,dc=corp,dc=example");
        server.add("dn: cn=all,ou=groups,dc=corp,dc=example", "objectClass: groupOfNames", "cn: all",
                "member: cn=team,ou=groups,dc=corp,dc=example");
        server.startListening();
    }

    @AfterAll
    static void stop() {
        server.shutDown(true);
        THREADS.shutdownNow();
    }

    @Test
    void checkReportsTheServerThatAnsweredAndFailsOverToTheNext() throws Exception {
        var check = reader.check(access(List.of("ldap://127.0.0.1:" + deadPort(), url()), "bind-secret"));
        assertThat(check.server()).endsWith(":" + server.getListenPort());
        assertThat(check.peopleFound()).isEqualTo(1);
        assertThat(check.groupsFound()).isEqualTo(1);
    }

    @Test
    void aWrongBindPasswordAndAnUnreachableServerSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> reader.check(access(List.of(url()), "wrong")))
                .isInstanceOf(DirectoryUnreachableException.class).hasMessageContaining("invalid credentials")
                .hasMessageContaining("127.0.0.1:" + server.getListenPort())
                .hasMessageContaining(BIND_DN);
        int dead = deadPort();
        assertThatThrownBy(() -> reader.check(access(List.of("ldap://127.0.0.1:" + dead), "bind-secret")))
                .isInstanceOf(DirectoryUnreachableException.class).hasMessageContaining("No directory server answered")
                .hasMessageContaining(String.valueOf(dead));
    }

    @Test
    void peopleComePageByPageAndChangesAfterAMarkerOnly() throws Exception {
        DirectoryAccess access = access(List.of(url()), "bind-secret");
        List<Integer> pageSizes = new ArrayList<>();
        List<DirectoryPerson> all = new ArrayList<>();
        String marker = reader.people(access, null, page -> {
            pageSizes.add(page.size());
            all.addAll(page);
        });
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(all).extracting(DirectoryPerson::email).contains("p7@corp.example").hasSize(25);
        DirectoryPerson p7 = all.stream().filter(p -> p.username().equals("p7")).findFirst().orElseThrow();
        assertThat(p7.uuid()).isNotBlank();
        assertThat(p7.department()).isEqualTo("D1");
        assertThat(p7.name()).isEqualTo("Person 7");
        assertThat(marker).isNotNull();

        Thread.sleep(1100); // modifyTimestamp has a resolution the marker compares at
        server.modify("uid=p7,ou=people,dc=corp,dc=example", new Modification(ModificationType.REPLACE, "departmentNumber", "D9"));
        List<DirectoryPerson> changed = new ArrayList<>();
        String next = reader.people(access, marker, changed::addAll);
        assertThat(changed).extracting(DirectoryPerson::username).contains("p7").hasSizeLessThan(25);
        assertThat(changed).filteredOn(p -> p.username().equals("p7")).extracting(DirectoryPerson::department).containsExactly("D9");
        assertThat(next).isGreaterThan(marker);
    }

    @Test
    void theNextPageIsAskedForWhileTheSyncStillHandlesOneAndComesInOrder() throws Exception {
        DirectoryAccess access = access(List.of(url()), "bind-secret");
        List<String> seen = new ArrayList<>();
        List<Boolean> secondAskedDuringFirst = new ArrayList<>();
        int start = SEARCHES.get();
        reader.people(access, null, page -> {
            if (secondAskedDuringFirst.isEmpty()) { // the first page: the directory is asked for the second meanwhile
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (SEARCHES.get() < start + 2 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                secondAskedDuringFirst.add(SEARCHES.get() >= start + 2);
            }
            page.forEach(p -> seen.add(p.username()));
        });
        assertThat(secondAskedDuringFirst).containsExactly(true);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 10)).as("in the directory's order").containsExactlyElementsOf(
                reader.firstPeople(access, 10).stream().map(DirectoryPerson::username).toList());
    }

    @Test
    void aSyncThatFailsOnAPageStopsTheReadingAndItsFailureIsTheCallers() throws Exception {
        DirectoryAccess access = access(List.of(url()), "bind-secret");
        List<Integer> pages = new ArrayList<>();
        assertThatThrownBy(() -> reader.people(access, null, page -> {
            pages.add(page.size());
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        assertThat(pages).containsExactly(10);

        DirectorySettings s = access.settings();
        DirectorySettings wrong = new DirectorySettings(s.urls(), s.security(), s.bindDn(), "ou=nobody,dc=corp,dc=example",
                s.userObjectClasses(), s.userFilter(), s.groupsDn(), s.groupObjectClasses(), s.groupMemberAttribute(),
                s.memberType(), s.attributes(), s.disabledFlag(), s.changeMarker(), s.pageSize());
        assertThatThrownBy(() -> reader.people(new DirectoryAccess(wrong, "bind-secret"), null, page -> { }))
                .as("the reading's failure reaches the sync").isInstanceOf(DirectoryUnreachableException.class)
                .hasMessageContaining("ou=nobody,dc=corp,dc=example does not exist");
    }

    @Test
    void groupsComeWithTheirMembersAndTheFirstPeopleForAPreview() throws Exception {
        DirectoryAccess access = access(List.of(url()), "bind-secret");
        assertThat(reader.groups(access)).extracting(DirectoryGroup::name).containsExactlyInAnyOrder("team", "all");
        assertThat(reader.groups(access)).filteredOn(g -> g.name().equals("all")).flatExtracting(DirectoryGroup::members)
                .containsExactly("cn=team,ou=groups,dc=corp,dc=example");
        assertThat(reader.firstPeople(access, 20)).hasSize(20);
    }

    @Test
    void aUsersDnThatDoesNotExistIsNamed() throws Exception {
        DirectorySettings s = access(List.of(url()), "bind-secret").settings();
        DirectorySettings wrong = new DirectorySettings(s.urls(), s.security(), s.bindDn(), "ou=nobody,dc=corp,dc=example",
                s.userObjectClasses(), s.userFilter(), s.groupsDn(), s.groupObjectClasses(), s.groupMemberAttribute(),
                s.memberType(), s.attributes(), s.disabledFlag(), s.changeMarker(), s.pageSize());
        assertThatThrownBy(() -> reader.check(new DirectoryAccess(wrong, "bind-secret")))
                .isInstanceOf(DirectoryUnreachableException.class).hasMessageContaining("ou=nobody,dc=corp,dc=example does not exist");
    }

    private static DirectoryAccess access(List<String> urls, String password) {
        DirectorySettings p = DirectoryVendor.OPENLDAP.preset();
        return new DirectoryAccess(new DirectorySettings(urls, DirectorySettings.Security.NONE, BIND_DN,
                "ou=people,dc=corp,dc=example", p.userObjectClasses(), "", "ou=groups,dc=corp,dc=example",
                p.groupObjectClasses(), p.groupMemberAttribute(), p.memberType(), p.attributes(), null,
                p.changeMarker(), 10), password);
    }

    private static String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
