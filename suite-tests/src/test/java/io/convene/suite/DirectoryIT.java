package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.SampleDirectory;
import io.convene.launcher.SampleDirectory.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Directories provision people: real LDAP servers (UnboundID's in-memory one, an OpenLDAP-like and an
 * Active-Directory-like directory of 1,000 people each, nested groups) and the real Keycloak. People
 * sign in with their directory password and get the realm roles their groups map to.
 */
class DirectoryIT {

    private static final int PEOPLE = 1_000;
    private static SampleDirectory openLdap;
    private static SampleDirectory activeDirectory;
    private static String admin;

    @BeforeAll
    static void startDirectories() {
        admin = tokenOf(Meetings.ADMIN);
        openLdap = SampleDirectory.start(Shape.OPENLDAP, PEOPLE, Path.of("target/ldif/openldap-1000.ldif"));
        activeDirectory = SampleDirectory.start(Shape.ACTIVE_DIRECTORY, PEOPLE, Path.of("target/ldif/ad-1000.ldif"));
    }

    @AfterAll
    static void stopDirectories() {
        // the servers go away with this class: so do their directories, or Keycloak would keep asking them at every sign-in
        for (JsonNode d : api().get("/api/admin/directory/directories", tokenOf(Meetings.ADMIN)).json()) {
            if (d.get("name").asText().startsWith("Corp ")) {
                api().delete("/api/admin/directory/directories/" + d.get("id").asText(), tokenOf(Meetings.ADMIN));
            }
        }
        openLdap.close();
        activeDirectory.close();
    }

    @Test
    void openLdapPeopleSignInWithTheirDirectoryPasswordAndGetRolesFromNestedGroups() {
        Reply created = api().post("/api/admin/directory/directories", admin, directory("Corp OpenLDAP", openLdap,
                SampleDirectory.BIND_PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        Reply shown = api().get("/api/admin/directory/directories/" + id, admin);
        assertThat(shown.json().get("bindPasswordSet").asBoolean()).isTrue();
        assertThat(shown.raw()).doesNotContain(SampleDirectory.BIND_PASSWORD);

        Map<String, Object> edit = directory("Corp OpenLDAP", openLdap, null);
        edit.remove("bindPassword");
        Reply edited = api().put("/api/admin/directory/directories/" + id, admin, edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("bindPasswordSet").asBoolean()).as("an edit without it keeps the password").isTrue();

        Reply test = api().post("/api/admin/directory/directories/" + id + "/test", admin, null);
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.json().get("peopleFound").asInt()).isEqualTo(1);

        Reply preview = api().get("/api/admin/directory/directories/" + id + "/preview", admin);
        assertThat(preview.json()).hasSize(20);
        assertThat(roles(preview.json().get(0).get("roles"))).containsExactly("admin", "host");

        JsonNode run = syncAndWait(id, "FULL");
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("seen").asInt()).isEqualTo(PEOPLE);
        assertThat(run.get("created").asInt()).isEqualTo(PEOPLE);
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(run.path("keycloakImport").isNull() || run.path("keycloakImport").isMissingNode())
                .as("Keycloak imports each person at their first sign-in, not all at each sync: " + run).isTrue();
        assertThat(ConveneSuite.count("select count(*) from users where status = 'ACTIVE' and directory_id = '" + id + "'"))
                .isEqualTo(PEOPLE);

        // person 10 is in platform, inside engineering, inside staff (mapped to host)
        String ten = signIn(openLdap.email(10));
        assertThat(realmRoles(ten)).contains("host", "participant").doesNotContain("admin");
        Reply profile = api().get("/api/users/profile", ten);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("name")).isEqualTo("Given10 Family10");
        assertThat(ConveneSuite.count("select count(*) from users where subject is not null and email = '"
                + openLdap.email(10) + "' and department = 'Platform' and directory_roles = 'host'")).isEqualTo(1);
        assertThat(api().post("/api/users/login", null, Map.of("email", openLdap.email(10), "password", "not-it")).status())
                .isEqualTo(401);
        JsonNode account = api().get("/api/admin/accounts?search=" + openLdap.email(10), admin).json().get("accounts").get(0);
        assertThat(account.get("directory").asBoolean()).isTrue();
        Reply reset = api().post("/api/admin/accounts/" + account.get("subject").asText() + "/reset-password", admin,
                Map.of("password", "Not-in-the-directory-1"));
        assertThat(reset.status()).as("directory passwords are changed in the directory").isEqualTo(409);

        // a change of groups: person 5 becomes an IT admin; a sync of changes follows it
        assertThat(realmRoles(signIn(openLdap.email(5)))).doesNotContain("admin");
        openLdap.addToGroup(5, "it-admins");
        openLdap.moveToDepartment(6, "Support");
        JsonNode changes = syncAndWait(id, "CHANGES");
        assertThat(changes.get("state").asText()).as(changes.toString()).isEqualTo("SUCCEEDED");
        assertThat(changes.get("seen").asInt()).as("only changed entries are read").isLessThan(PEOPLE);
        assertThat(realmRoles(signIn(openLdap.email(5)))).contains("admin", "host");
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + openLdap.email(5)
                + "' and directory_roles = 'admin,host'")).isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + openLdap.email(6)
                + "' and department = 'Support'")).isEqualTo(1);

        // person 7 leaves (OpenLDAP has no disabled flag: the entry goes); the full sync deactivates them
        String seven = signIn(openLdap.email(7));
        assertThat(api().get("/api/users/profile", seven).status()).isEqualTo(200);
        openLdap.delete(7);
        JsonNode full = syncAndWait(id, "FULL");
        assertThat(full.get("disabled").asInt()).as(full.toString()).isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from users where status = 'DISABLED' and email = '"
                + openLdap.email(7) + "'")).isEqualTo(1);
        assertThat(api().post("/api/users/login", null, Map.of("email", openLdap.email(7),
                "password", SampleDirectory.PASSWORD)).status()).isEqualTo(401);
        Reply refused = api().get("/api/users/profile", seven);
        assertThat(refused.status()).as("a token from before is refused too").isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).isEqualTo("This account is deactivated; ask an administrator");
    }

    @Test
    void activeDirectoryDisabledAccountsAreRefusedAndDeactivated() throws Exception {
        Reply created = api().post("/api/admin/directory/directories", admin, directory("Corp AD", activeDirectory,
                SampleDirectory.BIND_PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        // an entry the directory has but Convene cannot take: no mail, no userPrincipalName
        activeDirectory.server().add("dn: CN=No Mail," + activeDirectory.usersDn(), "objectClass: user",
                "objectClass: person", "objectClass: organizationalPerson", "cn: No Mail", "sAMAccountName: nomail",
                "objectGUID:: AAECAwQFBgcICQoLDA0ODw==", "userAccountControl: 512", "uSNChanged: 1000");
        JsonNode run = syncAndWait(id, "FULL");
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("seen").asInt()).isEqualTo(PEOPLE + 1);
        assertThat(run.get("created").asInt()).isEqualTo(PEOPLE);
        assertThat(run.get("failed").asInt()).isEqualTo(1);
        JsonNode errors = api().get("/api/admin/directory/runs/" + run.get("id").asText(), admin).json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("entry").asText()).startsWith("CN=No Mail,");
        assertThat(errors.get(0).get("message").asText()).contains("e-mail");

        String one = signIn(activeDirectory.email(1));
        assertThat(realmRoles(one)).contains("admin", "host");
        String three = signIn(activeDirectory.email(3));
        assertThat(realmRoles(three)).contains("compliance-officer", "host").doesNotContain("admin");
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + activeDirectory.email(3)
                + "' and directory_roles = 'compliance-officer,host' and phone = '+49 30 100003'")).isEqualTo(1);

        String four = signIn(activeDirectory.email(4));
        assertThat(api().get("/api/users/profile", four).status()).isEqualTo(200);
        String hosted = Meetings.schedule(four, Meetings.draft("Hosted by someone who leaves")).text("id");
        activeDirectory.disable(4); // userAccountControl 514, as AD does it
        JsonNode changes = syncAndWait(id, "CHANGES");
        assertThat(changes.get("disabled").asInt()).as(changes.toString()).isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from users where status = 'DISABLED' and email = '"
                + activeDirectory.email(4) + "'")).isEqualTo(1);
        assertThat(api().post("/api/users/login", null, Map.of("email", activeDirectory.email(4),
                "password", SampleDirectory.PASSWORD)).status()).isEqualTo(401);
        assertThat(api().get("/api/users/profile", four).status()).as("a token from before").isEqualTo(401);
        JsonNode orphaned = api().get("/api/admin/directory/orphaned-meetings", admin).json();
        assertThat(orphaned.findValuesAsText("meetingId")).contains(hosted);
        assertThat(orphaned.findValuesAsText("deactivatedHost")).contains(activeDirectory.email(4));
    }

    @Test
    void aWrongBindPasswordOrADeadServerIsNamedAndTheRunFailsWithNothingWritten() throws Exception {
        String id = api().post("/api/admin/directory/directories", admin, directory("Wrong password", openLdap,
                "not-the-password")).text("id");
        Reply test = api().post("/api/admin/directory/directories/" + id + "/test", admin, null);
        assertThat(test.status()).isEqualTo(502);
        assertThat(test.contentType()).startsWith("application/problem+json");
        assertThat(test.text("detail")).contains("invalid credentials").contains(openLdap.bindDn());
        JsonNode run = syncAndWait(id, "FULL");
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("error").asText()).contains("invalid credentials");
        assertThat(ConveneSuite.count("select count(*) from users where directory_id = '" + id + "'")).isZero();

        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        Map<String, Object> unreachable = directory("Dead server", openLdap, SampleDirectory.BIND_PASSWORD);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) unreachable.get("settings");
        settings.put("urls", List.of("ldap://127.0.0.1:" + dead));
        String deadId = api().post("/api/admin/directory/directories", admin, unreachable).text("id");
        Reply deadTest = api().post("/api/admin/directory/directories/" + deadId + "/test", admin, null);
        assertThat(deadTest.status()).isEqualTo(502);
        assertThat(deadTest.text("detail")).contains("No directory server answered").contains(String.valueOf(dead));
        assertThat(syncAndWait(deadId, "FULL").get("state").asText()).isEqualTo("FAILED");
        assertThat(api().get("/api/admin/directory/directories/" + deadId + "/runs", admin).json()).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedFieldByField() {
        Map<String, Object> bad = directory("Bad", openLdap, "x");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) bad.get("settings");
        settings.put("urls", List.of("http://example.org"));
        settings.put("usersDn", "people");
        bad.put("roleMappings", List.of(Map.of("group", openLdap.groupDn("staff"), "role", "superuser")));
        Reply r = api().post("/api/admin/directory/directories", admin, bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.raw()).contains("settings.urls[0]").contains("settings.usersDn");
        bad.put("settings", null);
        bad.put("vendor", "OPENLDAP");
        Reply role = api().post("/api/admin/directory/directories", admin, bad);
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.raw()).contains("roleMappings[0].role");
        assertThat(ConveneSuite.count("select count(*) from directories where name = 'Bad'")).isZero();
    }

    private static Map<String, Object> directory(String name, SampleDirectory d, String bindPassword) {
        boolean ad = d.shape() == Shape.ACTIVE_DIRECTORY;
        JsonNode preset = api().get("/api/admin/directory/presets", admin).json().get(ad ? "ACTIVE_DIRECTORY" : "OPENLDAP");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = Api.JSON.convertValue(preset, Map.class);
        settings.put("urls", List.of(d.url()));
        settings.put("security", "NONE");
        settings.put("bindDn", d.bindDn());
        settings.put("usersDn", d.usersDn());
        settings.put("groupsDn", d.groupsDn());
        settings.put("pageSize", 200);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("vendor", ad ? "ACTIVE_DIRECTORY" : "OPENLDAP");
        body.put("settings", settings);
        body.put("bindPassword", bindPassword);
        body.put("roleMappings", List.of(Map.of("group", d.groupDn("it-admins"), "role", "admin"),
                Map.of("group", d.groupDn("staff"), "role", "host"),
                Map.of("group", d.groupDn("auditors"), "role", "compliance-officer")));
        body.put("enabled", false); // no scheduled runs in the middle of the test
        return body;
    }

    private static JsonNode syncAndWait(String id, String mode) {
        Reply queued = api().post("/api/admin/directory/directories/" + id + "/sync?mode=" + mode, admin, null);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String location = queued.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        return Eventually.get(() -> api().get(path, admin).json(),
                r -> Set.of("SUCCEEDED", "FAILED").contains(r.get("state").asText()), Duration.ofMinutes(2));
    }

    private static String signIn(String email) {
        Reply r = api().post("/api/users/login", null, Map.of("email", email, "password", SampleDirectory.PASSWORD));
        assertThat(r.status()).as("sign-in of " + email + ": " + r).isEqualTo(200);
        return r.text("access_token");
    }

    private static Set<String> realmRoles(String token) {
        try {
            JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8));
            return roles(claims.get("groups"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> roles(JsonNode array) {
        Set<String> roles = new TreeSet<>();
        array.forEach(n -> roles.add(n.asText()));
        return roles;
    }
}
