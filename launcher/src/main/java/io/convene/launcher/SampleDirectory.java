package io.convene.launcher;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A real LDAP server (UnboundID's in-memory directory, on 127.0.0.1) filled from a generated LDIF
 * that looks like an OpenLDAP or an Active Directory: {@code people} users, and nested groups —
 * staff holds engineering and sales, engineering holds platform; it-admins and auditors are small.
 * Person {@code i} (1-based) is in platform when i % 10 == 0, else in engineering when even, else in
 * sales; persons 1 and 2 are it-admins, person 3 an auditor. Every password is {@link #PASSWORD}.
 * For tests and benchmarks.
 */
public final class SampleDirectory implements AutoCloseable {

    public enum Shape { OPENLDAP, ACTIVE_DIRECTORY }

    public static final String PASSWORD = "Directory-pass-1";
    public static final String BIND_PASSWORD = "Sync-account-pass-1";

    private final Shape shape;
    private final int people;
    private final InMemoryDirectoryServer server;
    private final String usernamePrefix;
    private final AtomicLong usn = new AtomicLong(1_000);

    private SampleDirectory(Shape shape, int people, InMemoryDirectoryServer server, String usernamePrefix) {
        this.usernamePrefix = usernamePrefix == null ? (shape == Shape.OPENLDAP ? "user" : "emp") : usernamePrefix;
        this.shape = shape;
        this.people = people;
        this.server = server;
    }

    /** Starts a directory of this shape with {@code people} persons; the LDIF is also written to {@code ldifFile} when given. */
    public static SampleDirectory start(Shape shape, int people, Path ldifFile) {
        return start(shape, people, ldifFile, null);
    }

    /** The same, its people's user names (and so their addresses) starting with {@code usernamePrefix}: apart from other samples. */
    public static SampleDirectory start(Shape shape, int people, Path ldifFile, String usernamePrefix) {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base(shape));
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            if (shape == Shape.ACTIVE_DIRECTORY) {
                config.setSchema(null); // AD's schema (sAMAccountName, objectGUID, ...) is not the standard one
            }
            config.setMaxSizeLimit(0);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            SampleDirectory directory = new SampleDirectory(shape, people, server, usernamePrefix);
            String ldif = directory.ldif();
            if (ldifFile != null) {
                Files.createDirectories(ldifFile.getParent());
                Files.writeString(ldifFile, ldif);
            }
            server.importFromLDIF(true, new LDIFReader(new java.io.BufferedReader(new StringReader(ldif), 1 << 16)));
            server.startListening();
            return directory;
        } catch (LDAPException e) {
            throw new IllegalStateException("The sample directory did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    public Shape shape() {
        return shape;
    }

    public int people() {
        return people;
    }

    public String baseDn() {
        return base(shape);
    }

    public String usersDn() {
        return shape == Shape.OPENLDAP ? "ou=people," + baseDn() : "CN=Users," + baseDn();
    }

    public String groupsDn() {
        return shape == Shape.OPENLDAP ? "ou=groups," + baseDn() : "CN=Groups," + baseDn();
    }

    public String bindDn() {
        return shape == Shape.OPENLDAP ? "cn=convene-sync," + baseDn() : "CN=convene-sync,CN=Service Accounts," + baseDn();
    }

    public String groupDn(String name) {
        return (shape == Shape.OPENLDAP ? "cn=" : "CN=") + name + "," + groupsDn();
    }

    public String personDn(int i) {
        return shape == Shape.OPENLDAP ? "uid=" + username(i) + "," + usersDn() : "CN=" + fullName(i) + "," + usersDn();
    }

    public String username(int i) {
        return String.format(Locale.ROOT, "%s%05d", usernamePrefix, i);
    }

    public String email(int i) {
        return username(i) + "@" + (shape == Shape.OPENLDAP ? "ldap.corp.example" : "ad.corp.example");
    }

    public static String firstName(int i) {
        return "Given" + i;
    }

    public static String lastName(int i) {
        return "Family" + i;
    }

    private static String fullName(int i) {
        return firstName(i) + " " + lastName(i);
    }

    /** Adds person {@code i} to a group, as the directory's own tools do (AD keeps memberOf too). */
    public void addToGroup(int i, String group) {
        modifyMembership(i, group, ModificationType.ADD);
    }

    public void removeFromGroup(int i, String group) {
        modifyMembership(i, group, ModificationType.DELETE);
    }

    /** Disables person {@code i}: AD's userAccountControl flag; OpenLDAP has none, so the entry is deleted. */
    public void disable(int i) {
        try {
            if (shape == Shape.ACTIVE_DIRECTORY) {
                server.modify(personDn(i), new Modification(ModificationType.REPLACE, "userAccountControl", "514"),
                        new Modification(ModificationType.REPLACE, "uSNChanged", String.valueOf(usn.incrementAndGet())));
            } else {
                delete(i);
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(int i) {
        try {
            for (String group : List.of("platform", "engineering", "sales", "it-admins", "auditors")) {
                if (server.getEntry(groupDn(group)).hasAttributeValue("member", personDn(i))) {
                    removeFromGroup(i, group);
                }
            }
            server.delete(personDn(i));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes person {@code i}'s department, as HR would. */
    public void moveToDepartment(int i, String department) {
        try {
            server.modify(personDn(i), shape == Shape.OPENLDAP
                    ? new Modification[] {new Modification(ModificationType.REPLACE, "departmentNumber", department)}
                    : new Modification[] {new Modification(ModificationType.REPLACE, "department", department),
                    new Modification(ModificationType.REPLACE, "uSNChanged", String.valueOf(usn.incrementAndGet()))});
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private void modifyMembership(int i, String group, ModificationType type) {
        try {
            if (shape == Shape.ACTIVE_DIRECTORY) {
                server.modify(groupDn(group), new Modification(type, "member", personDn(i)),
                        new Modification(ModificationType.REPLACE, "uSNChanged", String.valueOf(usn.incrementAndGet())));
                server.modify(personDn(i), new Modification(type, "memberOf", groupDn(group)));
            } else {
                server.modify(groupDn(group), new Modification(type, "member", personDn(i)));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private String ldif() {
        StringBuilder out = new StringBuilder(people * 420);
        boolean ad = shape == Shape.ACTIVE_DIRECTORY;
        entry(out, baseDn(), ad ? List.of("objectClass: top", "objectClass: domain", "dc: corp")
                : List.of("objectClass: top", "objectClass: domain", "dc: corp"));
        entry(out, usersDn(), ad ? List.of("objectClass: top", "objectClass: container", "cn: Users")
                : List.of("objectClass: top", "objectClass: organizationalUnit", "ou: people"));
        entry(out, groupsDn(), ad ? List.of("objectClass: top", "objectClass: container", "cn: Groups")
                : List.of("objectClass: top", "objectClass: organizationalUnit", "ou: groups"));
        if (ad) {
            entry(out, "CN=Service Accounts," + baseDn(), List.of("objectClass: top", "objectClass: container", "cn: Service Accounts"));
            entry(out, bindDn(), List.of("objectClass: top", "objectClass: person", "objectClass: user", "cn: convene-sync",
                    "sn: sync", "userPassword: " + BIND_PASSWORD));
        } else {
            entry(out, bindDn(), List.of("objectClass: top", "objectClass: person", "cn: convene-sync", "sn: sync",
                    "userPassword: " + BIND_PASSWORD));
        }
        for (int i = 1; i <= people; i++) {
            person(out, i);
        }
        group(out, "platform", List.of(), this::inPlatform);
        group(out, "engineering", List.of("platform"), i -> i % 2 == 0 && !inPlatform(i));
        group(out, "sales", List.of(), i -> i % 2 == 1);
        group(out, "staff", List.of("engineering", "sales"), i -> false);
        group(out, "it-admins", List.of(), i -> i <= 2);
        group(out, "auditors", List.of(), i -> i == 3);
        return out.toString();
    }

    private boolean inPlatform(int i) {
        return i % 10 == 0;
    }

    private void person(StringBuilder out, int i) {
        List<String> lines = new ArrayList<>();
        UUID id = UUID.nameUUIDFromBytes((shape + "/" + i).getBytes(StandardCharsets.UTF_8));
        String manager = i > 10 ? personDn(i / 10) : null;
        if (shape == Shape.OPENLDAP) {
            lines.addAll(List.of("objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: inetOrgPerson", "uid: " + username(i), "cn: " + fullName(i), "givenName: " + firstName(i),
                    "sn: " + lastName(i), "mail: " + email(i), "telephoneNumber: +49 30 " + (100000 + i),
                    "departmentNumber: " + department(i), "entryUUID: " + id, "userPassword: " + PASSWORD));
        } else {
            lines.addAll(List.of("objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                    "objectClass: user", "cn: " + fullName(i), "sAMAccountName: " + username(i),
                    "userPrincipalName: " + email(i), "mail: " + email(i), "givenName: " + firstName(i),
                    "sn: " + lastName(i), "displayName: " + fullName(i), "telephoneNumber: +49 30 " + (100000 + i),
                    "department: " + department(i), "userAccountControl: 512", "objectGUID:: " + guid(id),
                    "uSNChanged: " + usn.incrementAndGet(), "userPassword: " + PASSWORD));
            for (String g : groupsOf(i)) {
                lines.add("memberOf: " + groupDn(g));
            }
        }
        if (manager != null) {
            lines.add("manager: " + manager);
        }
        entry(out, personDn(i), lines);
    }

    private List<String> groupsOf(int i) {
        List<String> groups = new ArrayList<>();
        groups.add(inPlatform(i) ? "platform" : i % 2 == 0 ? "engineering" : "sales");
        if (i <= 2) {
            groups.add("it-admins");
        }
        if (i == 3) {
            groups.add("auditors");
        }
        return groups;
    }

    private static String department(int i) {
        return i % 10 == 0 ? "Platform" : i % 2 == 0 ? "Engineering" : "Sales";
    }

    private void group(StringBuilder out, String name, List<String> childGroups, IntPredicate member) {
        List<String> lines = new ArrayList<>(shape == Shape.OPENLDAP
                ? List.of("objectClass: top", "objectClass: groupOfNames", "cn: " + name)
                : List.of("objectClass: top", "objectClass: group", "cn: " + name, "sAMAccountName: " + name,
                "uSNChanged: " + usn.incrementAndGet()));
        childGroups.forEach(g -> lines.add("member: " + groupDn(g)));
        IntStream.rangeClosed(1, people).filter(member).forEach(i -> lines.add("member: " + personDn(i)));
        if (shape == Shape.ACTIVE_DIRECTORY) {
            if (List.of("engineering", "sales").contains(name)) {
                lines.add("memberOf: " + groupDn("staff"));
            }
            if (name.equals("platform")) {
                lines.add("memberOf: " + groupDn("engineering"));
            }
        }
        entry(out, groupDn(name), lines);
    }

    private static void entry(StringBuilder out, String dn, List<String> lines) {
        out.append("dn: ").append(dn).append('\n');
        lines.forEach(l -> out.append(l).append('\n'));
        out.append('\n');
    }

    /** AD stores a GUID's first three fields little-endian. */
    private static String guid(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16);
        long high = id.getMostSignificantBits();
        b.put(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32)).array());
        b.put(ByteBuffer.allocate(2).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) (high >>> 16)).array());
        b.put(ByteBuffer.allocate(2).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) high).array());
        b.putLong(id.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static String base(Shape shape) {
        return shape == Shape.OPENLDAP ? "dc=corp,dc=example" : "DC=corp,DC=example";
    }
}
