package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.keycloak;
import static io.convene.suite.ConveneSuite.masterAdminToken;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.Meetings.ADMIN;
import static io.convene.suite.Meetings.COMPLIANCE;
import static io.convene.suite.Meetings.HOST;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of bad token (401), the wrong role or someone else's meeting
 * (403/404), and the right token (2xx). The tokens are real: Keycloak issues them.
 */
class AuthMatrixIT {

    record Call(String method, String path, Object body) {
    }

    static String hana;
    static String meetingId;
    static final Map<String, String> BAD_TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void prepare() throws Exception {
        hana = tokenOf(HOST);
        meetingId = schedule(hana, draft("Auth matrix")).text("id");

        String admin = masterAdminToken();
        createClient(admin, "matrix-other-app", false, null);
        createClient(admin, "matrix-short-lived", true, "2");

        BAD_TOKENS.put("garbage", "not-a-token");
        BAD_TOKENS.put("tampered signature", tamper(hana));
        BAD_TOKENS.put("unsigned (alg none)", unsigned(hana));
        BAD_TOKENS.put("signed by another key", selfSigned(hana));
        BAD_TOKENS.put("wrong audience", passwordGrant("matrix-other-app", HOST));
        String shortLived = passwordGrant("matrix-short-lived", HOST);
        assertThat(api().get("/api/users/profile", shortLived).status())
                .as("the short-lived client's token works while it is fresh").isEqualTo(200);
        Thread.sleep(3_500);
        BAD_TOKENS.put("expired", shortLived);
        BAD_TOKENS.put("deactivated account", deactivatedAdmin());
    }

    /**
     * A genuine, unexpired token of an administrator (and host and compliance officer) whose account
     * was then deactivated; Convene had never seen it before.
     */
    private static String deactivatedAdmin() {
        String email = LocalAccounts.address("matrix.deactivated");
        String subject = LocalAccounts.make(email, "admin", "host", "compliance-officer");
        String token = LocalAccounts.signIn(email);
        LocalAccounts.setEnabled(subject, false);
        deactivated = token;
        return token;
    }

    static String deactivated;

    static List<Call> protectedCalls() {
        return List.of(
                new Call("GET", "/api/users/profile", null),
                new Call("PUT", "/api/users/profile", Map.of("timeZone", "Europe/Berlin")),
                new Call("DELETE", "/api/users/profile/picture", null),
                new Call("GET", "/api/users/" + java.util.UUID.randomUUID() + "/picture", null),
                new Call("POST", "/api/users/logout", null),
                new Call("POST", "/api/meetings/schedule", draft("Matrix")),
                new Call("PUT", "/api/meetings/" + meetingId + "/edit", Map.of("agenda", "changed")),
                new Call("DELETE", "/api/meetings/" + meetingId, null),
                new Call("GET", "/api/meetings/upcoming", null),
                new Call("GET", "/api/meetings/" + meetingId + "/details", null),
                new Call("POST", "/api/meetings/" + meetingId + "/leave", null),
                new Call("POST", "/api/meetings/" + meetingId + "/control", Map.of("action", "LOCK")),
                new Call("GET", "/api/meetings/" + meetingId + "/events", null),
                new Call("POST", "/api/meetings/" + meetingId + "/audio/toggle", Map.of()),
                new Call("POST", "/api/meetings/" + meetingId + "/screen-share/start", null),
                new Call("GET", "/api/meetings/" + meetingId + "/ice-servers", null),
                new Call("POST", "/api/meetings/" + meetingId + "/record/start", null),
                new Call("POST", "/api/meetings/" + meetingId + "/record/stop", null),
                new Call("GET", "/api/meetings/" + meetingId + "/recordings", null),
                new Call("GET", "/api/recordings/" + java.util.UUID.randomUUID(), null),
                new Call("GET", "/api/recordings/" + java.util.UUID.randomUUID() + "/playback", null),
                new Call("GET", "/api/recordings/" + java.util.UUID.randomUUID() + "/download", null),
                new Call("PUT", "/api/recordings/" + java.util.UUID.randomUUID() + "/sharing", Map.of("shared", true)),
                new Call("DELETE", "/api/recordings/" + java.util.UUID.randomUUID(), null),
                new Call("POST", "/api/meetings/" + meetingId + "/chat/send", Map.of("clientMessageId", "m", "text", "x")),
                new Call("GET", "/api/meetings/" + meetingId + "/chat/messages", null),
                new Call("GET", "/api/notifications/list", null),
                new Call("POST", "/api/notifications/ticket", null),
                new Call("GET", "/api/meetings/past", null),
                new Call("POST", "/api/meetings/availability", Map.of("start", "2030-01-01T10:00", "end", "2030-01-01T11:00",
                        "timeZone", "UTC")),
                new Call("PUT", "/api/meetings/" + meetingId + "/answer", Map.of("answer", "ACCEPTED")),
                new Call("GET", "/api/recordings", null),
                new Call("POST", "/api/recordings/" + java.util.UUID.randomUUID() + "/ticket", null),
                new Call("GET", "/api/privacy/exports", null),
                new Call("POST", "/api/integrations/calendars/GOOGLE/authorize", null),
                new Call("POST", "/api/notifications/read-all", null),
                new Call("POST", "/api/notifications/subscribe", Map.of("channel", "EMAIL", "topic", "REMINDERS")),
                new Call("DELETE", "/api/notifications/unsubscribe?channel=EMAIL&topic=REMINDERS", null),
                new Call("GET", "/api/admin/notifications/dead-letters", null),
                new Call("GET", "/api/integrations", null),
                new Call("GET", "/api/admin/webhooks", null),
                new Call("GET", "/api/admin/directory/directories", null),
                new Call("GET", "/api/admin/accounts", null),
                new Call("POST", "/api/admin/accounts", Map.of("email", "matrix@convene.example", "name", "Matrix",
                        "temporaryPassword", "Matrix-pass-123", "roles", List.of("participant"))),
                new Call("GET", "/api/analytics/meetings/" + meetingId, null),
                new Call("GET", "/api/analytics/usage", null),
                new Call("GET", "/api/reports/usage", null),
                new Call("POST", "/api/reports/usage", Map.of("format", "CSV", "from", "2026-01-01", "to", "2026-01-02")),
                new Call("GET", "/api/search/meetings?q=x", null),
                new Call("GET", "/api/audit", null),
                new Call("POST", "/api/privacy/exports", Map.of()),
                new Call("POST", "/api/privacy/erasures", Map.of("userId", java.util.UUID.randomUUID().toString())),
                new Call("POST", "/api/admin/directory/directories", Map.of("name", "x", "vendor", "OPENLDAP")),
                new Call("POST", "/api/integrations/third-party", Map.of("provider", "SLACK", "action", "DISCONNECT")));
    }

    @Test
    void badTokensAreRefusedEverywhere() {
        List<String> failures = new ArrayList<>();
        List<Call> calls = new ArrayList<>(protectedCalls());
        calls.add(new Call("POST", "/api/meetings/" + meetingId + "/join", Map.of()));
        for (Call call : calls) {
            if (!call.path().endsWith("/join")) {
                check(failures, "no token", call, null);
            }
            BAD_TOKENS.forEach((kind, token) -> check(failures, kind, call, token));
        }
        assertThat(failures).isEmpty();
        assertThat(api().get("/api/meetings/" + meetingId + "/details", hana).text("status"))
                .as("nothing happened to the meeting").isEqualTo("SCHEDULED");
    }

    @Test
    void aDeactivatedPersonsTokenOpensNoSocket() {
        try (ChannelClient channel = ChannelClient.withBearer(meetingId, deactivated);
             ChannelClient notifications = ChannelClient.notifications(deactivated)) {
            assertThat(channel.closeCode()).isEqualTo(1008);
            assertThat(channel.closeReason()).contains("deactivated");
            assertThat(notifications.closeCode()).isEqualTo(1008);
            assertThat(notifications.closeReason()).contains("deactivated");
        }
    }

    private static void check(List<String> failures, String kind, Call call, String token) {
        Reply r = api().send(call.method(), call.path(), token, call.body(), Map.of());
        if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")) {
            failures.add(kind + ": " + call.method() + " " + call.path() + " -> " + r);
        }
    }

    @Test
    void rolesAndOwnershipAreChecked() {
        String pablo = tokenOf(PARTICIPANT);
        String cora = tokenOf(COMPLIANCE);
        assertThat(api().post("/api/meetings/schedule", pablo, draft("Not allowed")).status()).isEqualTo(403);
        assertThat(api().post("/api/meetings/schedule", cora, draft("Not allowed")).status()).isEqualTo(403);
        assertThat(api().post("/api/meetings/schedule", tokenOf(ADMIN), draft("Admin may")).status()).isEqualTo(201);

        String id = schedule(hana, draft("Ownership")).text("id");
        assertThat(api().get("/api/meetings/" + id + "/details", cora).status()).isEqualTo(404);
        assertThat(api().put("/api/meetings/" + id + "/edit", cora, Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(api().delete("/api/meetings/" + id, cora).status()).isEqualTo(404);
        assertThat(api().put("/api/meetings/" + id + "/edit", pablo, Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(api().delete("/api/meetings/" + id, pablo).status()).isEqualTo(403);
        assertThat(api().get("/api/meetings/" + id + "/details", tokenOf(ADMIN)).status()).isEqualTo(200);

        for (String notAdmin : List.of(hana, pablo, cora)) {
            assertThat(api().get("/api/admin/notifications/dead-letters", notAdmin).status()).isEqualTo(403);
            assertThat(api().get("/api/admin/webhooks", notAdmin).status()).isEqualTo(403);
            assertThat(api().get("/api/admin/directory/presets", notAdmin).status()).isEqualTo(403);
            assertThat(api().get("/api/admin/accounts", notAdmin).status()).isEqualTo(403);
            assertThat(api().post("/api/admin/accounts", notAdmin, Map.of("email", "nobody.made@convene.example", "name", "No",
                    "temporaryPassword", "Nobody-pass-123", "roles", List.of("admin"))).status()).isEqualTo(403);
            assertThat(api().post("/api/admin/directory/directories", notAdmin, Map.of("name", "x", "vendor", "OPENLDAP"))
                    .status()).isEqualTo(403);
            assertThat(api().delete("/api/admin/notifications/dead-letters/" + java.util.UUID.randomUUID(), notAdmin)
                    .status()).isEqualTo(403);
        }
    }

    @Test
    void theRightTokenIsServedEverywhere() {
        String token = tokenOf(HOST);
        String id = schedule(token, draft("Right token")).text("id");
        api().post("/api/meetings/" + id + "/join", token, Map.of());
        List<Call> calls = List.of(
                new Call("GET", "/api/users/profile", null),
                new Call("PUT", "/api/users/profile", Map.of("timeZone", "Europe/Berlin")),
                new Call("POST", "/api/meetings/schedule", draft("Matrix")),
                new Call("PUT", "/api/meetings/" + meetingId + "/edit", Map.of("agenda", "changed")),
                new Call("GET", "/api/meetings/upcoming", null),
                new Call("GET", "/api/meetings/" + meetingId + "/details", null),
                new Call("POST", "/api/meetings/" + id + "/control", Map.of("action", "LOCK")),
                new Call("GET", "/api/meetings/" + id + "/events", null),
                new Call("POST", "/api/meetings/" + id + "/audio/toggle", Map.of()),
                new Call("POST", "/api/meetings/" + id + "/screen-share/start", null),
                new Call("POST", "/api/meetings/" + id + "/chat/send", Map.of("clientMessageId", "m", "text", "x")),
                new Call("GET", "/api/meetings/" + id + "/chat/messages", null),
                new Call("POST", "/api/meetings/" + id + "/leave", null),
                new Call("DELETE", "/api/meetings/" + meetingId, null),
                new Call("POST", "/api/users/logout", null));
        for (Call call : calls) {
            Reply r = api().send(call.method(), call.path(), token, call.body(), Map.of());
            assertThat(r.status()).as(call + " -> " + r).isBetween(200, 299);
        }
    }

    // --- tokens -------------------------------------------------------------------------------

    private static void createClient(String adminToken, String clientId, boolean withAudience, String lifespan) {
        ObjectNode client = Api.JSON.createObjectNode().put("clientId", clientId).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.addObject().put("name", "groups").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-usermodel-realm-role-mapper").putObject("config")
                .put("claim.name", "groups").put("multivalued", "true").put("access.token.claim", "true")
                .put("jsonType.label", "String");
        if (withAudience) {
            mappers.addObject().put("name", "audience").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-audience-mapper").putObject("config")
                    .put("included.custom.audience", "convene-api").put("access.token.claim", "true");
        }
        if (lifespan != null) {
            client.putObject("attributes").put("access.token.lifespan", lifespan);
        }
        Reply r = keycloak().post("/admin/realms/convene/clients", adminToken, client);
        assertThat(r.status()).as(r.toString()).isIn(201, 409);
    }

    private static String passwordGrant(String clientId, String email) {
        Reply r = keycloak().postForm("/realms/convene/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "username", email,
                "password", ConveneSuite.demoPassword()), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("access_token");
    }

    /** Same header and signature, a payload that claims the admin role. */
    private static String tamper(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((ArrayNode) payload.get("groups")).add("admin");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Api.JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The genuine claims, signed by a key Keycloak never had. */
    private static String selfSigned(String token) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("attacker").generate();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
