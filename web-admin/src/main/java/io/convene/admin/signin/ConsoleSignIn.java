package io.convene.admin.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import java.net.MalformedURLException;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in to the console with Keycloak: the authorization code flow with PKCE (S256) for the
 * public client {@code convene-admin-console}. The server exchanges the code and checks the access
 * token as the REST API checks bearer tokens (Keycloak's published keys, RS256, issuer, audience
 * {@code convene-api}, expiry), so the console knows the same roles the API does.
 */
@ApplicationScoped
public class ConsoleSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keycloak as Convene reaches it (code exchange, keys). */
    @Inject
    @ConfigProperty(name = "convene.keycloak.url")
    String keycloakUrl;

    /** Keycloak as browsers reach it, and its tokens' issuer. */
    @Inject
    @ConfigProperty(name = "convene.keycloak.public-url")
    String publicKeycloakUrl;

    @Inject
    @ConfigProperty(name = "convene.keycloak.realm", defaultValue = "convene")
    String realm;

    @Inject
    @ConfigProperty(name = "convene.admin.client-id", defaultValue = "convene-admin-console")
    String clientId;

    private DefaultJWTProcessor<SecurityContext> tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one sign-in attempt must remember between leaving for Keycloak and coming back. */
    public record Attempt(String state, String verifier, String returnTo) implements java.io.Serializable {
    }

    @PostConstruct
    void keys() {
        try {
            tokens = new DefaultJWTProcessor<>();
            tokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    JWKSourceBuilder.create(URI.create(openIdBase() + "/certs").toURL()).build()));
            tokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("convene-api",
                    new JWTClaimsSet.Builder().issuer(publicKeycloakUrl + "/realms/" + realm).build(), Set.of("sub", "exp")));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("convene.keycloak.url is not a URL: " + keycloakUrl, e);
        }
    }

    public Attempt attempt(String returnTo) {
        return new Attempt(random(), random(), returnTo);
    }

    public URI authorizeUrl(Attempt attempt, String redirectUri) {
        return URI.create(browsersOpenIdBase() + "/auth?" + form(Map.of("client_id", clientId, "response_type", "code",
                "scope", "openid", "redirect_uri", redirectUri, "state", attempt.state(),
                "code_challenge", challenge(attempt.verifier()), "code_challenge_method", "S256")));
    }

    public URI signOutUrl(String afterwards) {
        return URI.create(browsersOpenIdBase() + "/logout?" + form(Map.of("client_id", clientId, "post_logout_redirect_uri", afterwards)));
    }

    /** Exchanges the code Keycloak sent back for the person it signed in; refuses anything that does not check out. */
    public ConsoleUser complete(Attempt attempt, String state, String code, String redirectUri) {
        if (attempt == null || state == null || !MessageDigest.isEqual(attempt.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new SignInFailed("The sign-in did not start here or was already used");
        }
        if (code == null || code.isBlank()) {
            throw new SignInFailed("Keycloak sent no code");
        }
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(openIdBase() + "/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", attempt.verifier()))))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(exchange, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new SignInFailed("Keycloak could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailed("Interrupted");
        }
        if (answer.statusCode() != 200) {
            throw new SignInFailed("Keycloak refused the code (" + answer.statusCode() + ")");
        }
        JsonObject body = Jsons.createReader(new StringReader(answer.body())).readObject();
        try {
            JWTClaimsSet claims = tokens.process(body.getString("access_token"), null);
            List<String> groups = claims.getStringListClaim("groups");
            return new ConsoleUser(claims.getSubject(), claims.getStringClaim("name"), claims.getStringClaim("email"),
                    groups == null ? Set.of() : new HashSet<>(groups), claims.getStringClaim("sid"),
                    Boolean.TRUE.equals(claims.getBooleanClaim("email_verified")));
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw new SignInFailed("Keycloak's token did not check out: " + e.getMessage());
        }
    }

    private String openIdBase() {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect";
    }

    private String browsersOpenIdBase() {
        return publicKeycloakUrl + "/realms/" + realm + "/protocol/openid-connect";
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A sign-in that cannot be completed; the person starts again. */
    public static final class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }
}
