package io.convene.sso;

import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.user.IdentityProvider;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Keycloak behind the {@link IdentityProvider} port: accounts and sessions through the admin REST API
 * (as the backend client's service account), sign-in through the token endpoint. Uses the container's
 * Jakarta REST client: Keycloak's own admin client breaks deployment on Payara.
 * <p>
 * An EJB rather than a CDI bean so that {@code ejb-core} reaches it with {@code @EJB} in both
 * assemblies: in the EAR, Payara's CDI does not let one module's beans see another's.
 */
@Singleton
@Local(IdentityProvider.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeycloakIdentityProvider implements IdentityProvider {

    /** How long the probe waits for Keycloak (the readiness check asks it). */
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    private static final HttpClient PROBES = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

    @Inject
    KeycloakAdmin keycloak;

    @jakarta.ejb.EJB
    KeycloakRealmMail realmMail;

    @Override
    public String createAccount(NewAccount account) {
        JsonObject user = Jsons.createObjectBuilder()
                .add("username", account.email()).add("email", account.email())
                .add("firstName", account.firstName()).add("lastName", account.lastName())
                .add("enabled", true).add("emailVerified", account.emailVerified())
                .add("credentials", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder()
                        .add("type", "password").add("value", account.password()).add("temporary", false)))
                .build();
        try (Response r = call(() -> admin("/users").post(Entity.json(user)))) {
            switch (r.getStatus()) {
                case 201:
                    String path = URI.create(r.getHeaderString("Location")).getPath();
                    return path.substring(path.lastIndexOf('/') + 1);
                case 409:
                    throw new ConflictException("A user with this e-mail address already exists");
                case 400:
                    throw new InvalidInputException("password", keycloakMessage(r));
                default:
                    throw unexpected("create user", r);
            }
        }
    }

    @Override
    public void sendVerificationEmail(String subject) {
        realmMail.ensure();
        try (Response r = call(() -> admin("/users/" + subject + "/send-verify-email").put(Entity.json("{}")))) {
            if (r.getStatus() != 204) {
                throw unexpected("send the e-mail that verifies an address", r);
            }
        }
    }

    @Override
    public void deleteAccount(String subject) {
        try (Response r = call(() -> admin("/users/" + subject).delete())) {
            if (r.getStatus() != 204 && r.getStatus() != 404) {
                throw unexpected("delete user", r);
            }
        }
    }

    @Override
    public TokenGrant signIn(String email, String password) {
        Form form = new Form().param("grant_type", "password").param("client_id", keycloak.settings().clientId())
                .param("client_secret", keycloak.settings().clientSecret()).param("username", email)
                .param("password", password).param("scope", "openid");
        try (Response r = call(() -> keycloak.http().target(keycloak.settings().tokenEndpoint()).request(MediaType.APPLICATION_JSON)
                .post(Entity.form(form)))) {
            if (r.getStatus() == 401 || r.getStatus() == 400) {
                throw new AuthenticationFailedException("Wrong e-mail or password");
            }
            if (r.getStatus() != 200) {
                throw unexpected("password sign-in", r);
            }
            JsonObject t = r.readEntity(JsonObject.class);
            return new TokenGrant(t.getString("access_token"), t.getString("refresh_token", null),
                    t.getJsonNumber("expires_in").longValue(), t.getJsonNumber("refresh_expires_in").longValue(),
                    t.getString("token_type"));
        }
    }

    @Override
    public void endSession(String subject, String sessionId) {
        try (Response r = call(() -> sessionId != null ? admin("/sessions/" + sessionId).delete()
                : admin("/users/" + subject + "/logout").post(Entity.json("{}")))) {
            if (r.getStatus() != 204 && r.getStatus() != 404) {
                throw unexpected("end session", r);
            }
        }
    }

    /** The account's brute-force record (admin API {@code attack-detection/brute-force/users/{id}}). */
    @Override
    public java.util.Optional<java.time.Instant> lockedUntil(String email) {
        String query = "/users?exact=true&briefRepresentation=true&max=1&email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
        String id;
        try (Response r = call(() -> admin(query).get())) {
            if (r.getStatus() != 200) {
                throw unexpected("find an account", r);
            }
            jakarta.json.JsonArray found = r.readEntity(jakarta.json.JsonArray.class);
            if (found.isEmpty()) {
                return java.util.Optional.empty();
            }
            id = found.getJsonObject(0).getString("id");
        }
        try (Response r = call(() -> admin("/attack-detection/brute-force/users/" + id).get())) {
            if (r.getStatus() != 200) {
                throw unexpected("read an account's brute-force status", r);
            }
            JsonObject status = r.readEntity(JsonObject.class);
            jakarta.json.JsonNumber notBefore = status.containsKey("failedLoginNotBefore")
                    ? status.getJsonNumber("failedLoginNotBefore") : null;
            // Long.MAX_VALUE: disabled for good (or by an administrator), which is not a temporary lock
            if (!status.getBoolean("disabled", false) || notBefore == null || notBefore.longValue() >= Integer.MAX_VALUE) {
                return java.util.Optional.empty();
            }
            java.time.Instant until = java.time.Instant.ofEpochSecond(notBefore.longValue());
            return until.isAfter(java.time.Instant.now()) ? java.util.Optional.of(until) : java.util.Optional.empty();
        }
    }

    @Override
    public java.util.Set<String> realmRoles(String subject) {
        try (Response r = call(() -> admin("/users/" + subject + "/role-mappings/realm/composite").get())) {
            if (r.getStatus() == 404) {
                return java.util.Set.of();
            }
            if (r.getStatus() != 200) {
                throw unexpected("read roles", r);
            }
            return r.readEntity(jakarta.json.JsonArray.class).getValuesAs(JsonObject.class).stream()
                    .map(role -> role.getString("name")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Override
    public Probe probe() {
        KeycloakSettings settings = keycloak.settings();
        String url = settings.discoveryEndpoint();
        try {
            HttpResponse<Void> r = PROBES.send(HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                return new Probe(false, url + " answered " + r.statusCode());
            }
            // Keycloak may come up after Convene (they start side by side): not ready before a token can be checked
            return RealmKeysConfigSource.tokensCheckable() ? new Probe(true, settings.whereabouts())
                    : new Probe(false, RealmKeysConfigSource.loaded()
                    ? "Keycloak answers; Payara still holds the realm's keys as read before Keycloak was up (up to 90 s)"
                    : "Keycloak answers; its realm keys are not fetched yet (tried every 5 s)");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Probe(false, settings.url() + " unreachable: " + e.getClass().getSimpleName());
        }
    }

    private Invocation.Builder admin(String path) {
        return keycloak.admin(path);
    }

    private static Response call(Supplier<Response> request) {
        return KeycloakAdmin.call(request);
    }

    private static String keycloakMessage(Response r) {
        try {
            JsonObject body = r.readEntity(JsonObject.class);
            return body.getString("errorMessage", body.getString("error_description", "rejected by the identity provider"));
        } catch (RuntimeException e) {
            return "rejected by the identity provider";
        }
    }

    private static RuntimeException unexpected(String what, Response r) {
        return KeycloakAdmin.unexpected(what, r);
    }
}
