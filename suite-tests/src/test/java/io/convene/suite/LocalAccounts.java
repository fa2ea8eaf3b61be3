package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.keycloak;
import static io.convene.suite.ConveneSuite.masterAdminToken;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Accounts of the suite's Keycloak made for one test (so what a test does to them touches no one
 * else), and what Keycloak itself says about an account, read through its admin API.
 */
final class LocalAccounts {

    static final String PASSWORD = "Local-account-pass-1";

    private LocalAccounts() {
    }

    /** A fresh address at convene.example starting with {@code name}. */
    static String address(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@convene.example";
    }

    /**
     * An account with a verified address and {@link #PASSWORD}, made in Keycloak as an operator would;
     * its realm roles given by Convene's administrator. Answers its subject.
     */
    static String make(String email, String... roles) {
        Reply made = keycloak().post("/admin/realms/convene/users", masterAdminToken(), Map.of("username", email,
                "email", email, "firstName", "Test", "lastName", "Person", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String location = made.headers().firstValue("Location").orElseThrow();
        String subject = location.substring(location.lastIndexOf('/') + 1);
        if (roles.length > 0) {
            Reply granted = api().put("/api/admin/accounts/" + subject + "/roles", tokenOf(Meetings.ADMIN),
                    Map.of("roles", List.of(roles)));
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        }
        return subject;
    }

    static String signIn(String email) {
        Reply r = api().post("/api/users/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("access_token");
    }

    /** The administrator deactivates (or reactivates) the account. */
    static void setEnabled(String subject, boolean enabled) {
        Reply r = api().put("/api/admin/accounts/" + subject + "/enabled", tokenOf(Meetings.ADMIN), Map.of("enabled", enabled));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** Keycloak's representation of the account. */
    static JsonNode inKeycloak(String subject) {
        Reply r = keycloak().get("/admin/realms/convene/users/" + subject, masterAdminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The realm roles assigned to the account itself, as Keycloak has them. */
    static Set<String> rolesInKeycloak(String subject) {
        Reply r = keycloak().get("/admin/realms/convene/users/" + subject + "/role-mappings/realm", masterAdminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Set<String> roles = new TreeSet<>();
        r.json().forEach(role -> roles.add(role.get("name").asText()));
        return roles;
    }

    /** How many accounts Keycloak has with exactly this address. */
    static int countInKeycloak(String email) {
        Reply r = keycloak().get("/admin/realms/convene/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), masterAdminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().size();
    }

    /**
     * Marks a self-registered address verified in Keycloak, as following the link in Keycloak's
     * e-mail does (the next token says so, and invitations to the address become the account's).
     */
    static void markVerified(String email) {
        Reply found = keycloak().get("/admin/realms/convene/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8), masterAdminToken());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().size()).as(found.toString()).isEqualTo(1);
        Reply r = keycloak().put("/admin/realms/convene/users/" + found.json().get(0).get("id").asText(), masterAdminToken(),
                Map.of("emailVerified", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    /** Keycloak's brute-force record of the account (numFailures, disabled, failedLoginNotBefore). */
    static JsonNode bruteForceStatus(String subject) {
        Reply r = keycloak().get("/admin/realms/convene/attack-detection/brute-force/users/" + subject, masterAdminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
