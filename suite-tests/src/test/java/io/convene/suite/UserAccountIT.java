package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.keycloak;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration, API sign-in, the profile and sign-out, against the real Keycloak. */
class UserAccountIT {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void registerSignInEditProfileAndSignOut() {
        String email = "new." + UUID.randomUUID().toString().substring(0, 8) + "@convene.example";
        Reply registered = api().post("/api/users/register", null, Map.of(
                "email", email.toUpperCase(), "password", PASSWORD, "name", "Nora New", "timeZone", "Asia/Tokyo"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(registered.text("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(registered.raw()).doesNotContain(PASSWORD);
        assertThat(count("select count(*) from users where email = '" + email + "'")).isEqualTo(1);

        Reply login = api().post("/api/users/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token_type")).isEqualToIgnoringCase("Bearer");
        String token = login.text("access_token");

        Reply profile = api().get("/api/users/profile", token);
        assertThat(profile.text("id")).isEqualTo(registered.text("id"));
        assertThat(profile.text("name")).isEqualTo("Nora New");

        Reply updated = api().put("/api/users/profile", token, Map.of("name", "Nora Newer",
                "profilePictureUrl", "https://pictures.example/nora.png", "timeZone", "Europe/Lisbon"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(api().get("/api/users/profile", token).text("profilePictureUrl"))
                .isEqualTo("https://pictures.example/nora.png");
        Reply badZone = api().put("/api/users/profile", token, Map.of("timeZone", "Nowhere/Special"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("errors").get(0).get("field").asText()).isEqualTo("timeZone");
        assertThat(api().put("/api/users/profile", token, Map.of("profilePictureUrl", "javascript:alert(1)")).status())
                .isEqualTo(400);

        // the refresh token works until sign-out ends the session
        assertThat(refresh(login.text("refresh_token")).status()).isEqualTo(200);
        assertThat(api().post("/api/users/logout", token, null).status()).isEqualTo(204);
        Reply afterLogout = refresh(login.text("refresh_token"));
        assertThat(afterLogout.status()).isEqualTo(400);
        assertThat(afterLogout.text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void someoneWithASingleNameRegistersAndSignsIn() {
        String email = "mono." + UUID.randomUUID().toString().substring(0, 8) + "@convene.example";
        assertThat(api().post("/api/users/register", null, Map.of("email", email, "password", PASSWORD, "name", "Suharto"))
                .status()).isEqualTo(201);

        Reply login = api().post("/api/users/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as("no last name is asked for before signing in: " + login).isEqualTo(200);
        assertThat(api().get("/api/users/profile", login.text("access_token")).text("name")).isEqualTo("Suharto");
    }

    @Test
    void aSecondAccountForTheSameAddressIsRefused() {
        long users = count("select count(*) from users");
        Reply r = api().post("/api/users/register", null, Map.of(
                "email", "pablo@convene.example", "password", PASSWORD, "name", "Impostor"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from users")).isEqualTo(users);
    }

    @Test
    void weakOrMissingRegistrationDataIsRefused() {
        long users = count("select count(*) from users");
        Reply r = api().post("/api/users/register", null, Map.of("email", "nope", "password", "short"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("email", "name", "password");
        assertThat(count("select count(*) from users")).isEqualTo(users);
    }

    @Test
    void wrongPasswordsAreUnauthorized() {
        Reply r = api().post("/api/users/login", null, Map.of("email", "hana@convene.example", "password", "wrong-password"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.raw()).doesNotContain("wrong-password");
    }

    private static Reply refresh(String refreshToken) {
        return keycloak().postForm("/realms/convene/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", "convene-backend",
                "client_secret", ConveneSuite.get().settings().backendClientSecret(),
                "refresh_token", refreshToken), null);
    }
}
