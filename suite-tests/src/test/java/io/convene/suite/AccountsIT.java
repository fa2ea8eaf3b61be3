package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.keycloak;
import static io.convene.suite.ConveneSuite.masterAdminToken;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Administrators manage the realm's accounts through Convene, against the real Keycloak. */
class AccountsIT {

    private static final String FIRST_PASSWORD = "Local-account-pass-1";

    @Test
    void anAdministratorFindsALocalAccountGivesItRolesEndsItsSessionsAndResetsItsPassword() {
        String admin = tokenOf(Meetings.ADMIN);
        String email = "lena.local@convene.example";
        Reply made = keycloak().post("/admin/realms/convene/users", masterAdminToken(), Map.of("username", email,
                "email", email, "firstName", "Lena", "lastName", "Local", "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", FIRST_PASSWORD, "temporary", false))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        Reply found = api().get("/api/admin/accounts?search=lena.local", admin);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        JsonNode account = found.json().get("accounts").get(0);
        assertThat(account.get("email").asText()).isEqualTo(email);
        assertThat(account.get("directory").asBoolean()).isFalse();
        String subject = account.get("subject").asText();

        String before = signIn(email, FIRST_PASSWORD);
        assertThat(api().post("/api/meetings/schedule", before, Meetings.draft("Not yet a host")).status()).isEqualTo(403);
        Reply granted = api().put("/api/admin/accounts/" + subject + "/roles", admin, Map.of("roles", List.of("host")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("directRoles").toString()).contains("host");
        String after = signIn(email, FIRST_PASSWORD);
        assertThat(api().post("/api/meetings/schedule", after, Meetings.draft("Now a host")).status()).isEqualTo(201);

        assertThat(api().get("/api/admin/accounts/" + subject + "/sessions", admin).json()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(api().post("/api/admin/accounts/" + subject + "/logout", admin, null).status()).isEqualTo(204);
        assertThat(api().get("/api/admin/accounts/" + subject + "/sessions", admin).json()).isEmpty();

        assertThat(api().post("/api/admin/accounts/" + subject + "/reset-password", admin,
                Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(api().post("/api/admin/accounts/" + subject + "/reset-password", admin,
                Map.of("password", "Changed-by-admin-1", "temporary", false)).status()).isEqualTo(204);
        assertThat(api().post("/api/users/login", null, Map.of("email", email, "password", FIRST_PASSWORD)).status())
                .isEqualTo(401);
        signIn(email, "Changed-by-admin-1");

        Reply unknownRole = api().put("/api/admin/accounts/" + subject + "/roles", admin, Map.of("roles", List.of("root")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(api().put("/api/admin/accounts/00000000-0000-0000-0000-000000000000/roles", admin,
                Map.of("roles", List.of("host"))).status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedAccountCannotSignInAndItsSessionsEndUntilItIsReactivated() {
        String admin = tokenOf(Meetings.ADMIN);
        String email = "dora.deactivated." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@convene.example";
        assertThat(api().post("/api/users/register", null, Map.of("email", email, "password", FIRST_PASSWORD,
                "name", "Dora Deactivated")).status()).isEqualTo(201);
        signIn(email, FIRST_PASSWORD);
        String subject = api().get("/api/admin/accounts?search=" + email, admin).json().get("accounts").get(0)
                .get("subject").asText();

        assertThat(api().get("/api/admin/accounts/" + subject + "/sessions", admin).json()).isNotEmpty();
        Reply off = api().put("/api/admin/accounts/" + subject + "/enabled", admin, Map.of("enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(api().get("/api/admin/accounts/" + subject + "/sessions", admin).json()).as("ended").isEmpty();
        assertThat(api().post("/api/users/login", null, Map.of("email", email, "password", FIRST_PASSWORD)).status())
                .isEqualTo(401);
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + email + "' and status = 'DISABLED'"))
                .isEqualTo(1);
        assertThat(api().get("/api/audit?action=account.disabled&target=account:" + subject, admin).json().get("items"))
                .hasSize(1);

        assertThat(api().put("/api/admin/accounts/" + subject + "/enabled", admin, Map.of("enabled", true)).status())
                .isEqualTo(200);
        signIn(email, FIRST_PASSWORD);
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + email + "' and status = 'ACTIVE'"))
                .isEqualTo(1);

        String adminSubject = api().get("/api/admin/accounts?search=" + Meetings.ADMIN, admin).json().get("accounts").get(0)
                .get("subject").asText();
        assertThat(api().put("/api/admin/accounts/" + adminSubject + "/enabled", admin, Map.of("enabled", false))
                .status()).as("administrators do not deactivate themselves").isEqualTo(409);
        assertThat(api().put("/api/admin/accounts/" + subject + "/enabled", admin, Map.of()).status()).isEqualTo(400);
        assertThat(api().put("/api/admin/accounts/" + subject + "/enabled", tokenOf(Meetings.HOST),
                Map.of("enabled", false)).status()).isEqualTo(403);
    }

    private static String signIn(String email, String password) {
        Reply r = api().post("/api/users/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("access_token");
    }
}
