package io.convene.integration;

import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Connect Google Calendar" and "Connect Outlook": the providers' OAuth 2.0 authorization-code flow
 * with PKCE (S256). {@link #start} remembers the attempt under a random {@code state} and answers the
 * provider's consent address; the provider sends the browser back to Convene's callback, and
 * {@link #finish} takes the answer once, within ten minutes, only in the browser that started it
 * (a nonce in a cookie), trades the code for the grant and connects the calendar.
 */
@Stateless
public class CalendarConsent {

    private static final Logger LOG = Logger.getLogger(CalendarConsent.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String GOOGLE_SCOPES = "openid email https://www.googleapis.com/auth/calendar.events";
    static final String MICROSOFT_SCOPES = "openid email offline_access https://graph.microsoft.com/Calendars.ReadWrite";

    @Inject
    UserService users;

    @EJB
    CalendarAuthorizations attempts;

    @EJB
    CalendarProviders calendars;

    @EJB
    Integrations integrations;

    @Inject
    @ConfigProperty(name = "convene.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "convene.google.authorize-url", defaultValue = "https://accounts.google.com/o/oauth2/v2/auth")
    String googleAuthorizeUrl;

    @Inject
    @ConfigProperty(name = "convene.google.client-id")
    Optional<String> googleClientId;

    @Inject
    @ConfigProperty(name = "convene.microsoft.login-url", defaultValue = "https://login.microsoftonline.com")
    String microsoftLoginUrl;

    @Inject
    @ConfigProperty(name = "convene.microsoft.tenant")
    Optional<String> microsoftTenant;

    @Inject
    @ConfigProperty(name = "convene.microsoft.client-id")
    Optional<String> microsoftClientId;

    /** Where the browser goes to consent, and the nonce its cookie must carry back. */
    public record Start(String consentUrl, String browserNonce) {
    }

    /**
     * How an answer from a consent screen ended: connected ({@code problem} null), or why not —
     * {@code unknown} (no such attempt, or used, or older than ten minutes), {@code other-browser},
     * {@code denied} (the person said no there), {@code refused} (the provider would not trade the code).
     */
    public record Outcome(Provider provider, String account, String problem) {
    }

    public Start start(Caller caller, Provider provider) {
        User me = users.current(caller);
        if (provider != Provider.GOOGLE && provider != Provider.MICROSOFT) {
            throw new InvalidInputException("provider", "only GOOGLE and MICROSOFT calendars are connected this way");
        }
        String clientId = (provider == Provider.GOOGLE ? googleClientId : microsoftClientId)
                .orElseThrow(() -> new ConflictException((provider == Provider.GOOGLE ? "Google" : "Microsoft")
                        + " sign-in is not set up on this server; ask an administrator"));
        String state = random();
        String verifier = random();
        String nonce = random();
        attempts.remember(state, me.id(), provider, verifier, sha256(nonce));
        Map<String, String> ask = new LinkedHashMap<>();
        ask.put("client_id", clientId);
        ask.put("redirect_uri", callback());
        ask.put("response_type", "code");
        ask.put("scope", provider == Provider.GOOGLE ? GOOGLE_SCOPES : MICROSOFT_SCOPES);
        ask.put("state", state);
        ask.put("code_challenge", sha256(verifier));
        ask.put("code_challenge_method", "S256");
        if (provider == Provider.GOOGLE) {
            ask.put("access_type", "offline"); // a refresh token...
            ask.put("prompt", "consent"); // ...every time, also when the account consented before
        } else {
            ask.put("response_mode", "query");
        }
        String base = provider == Provider.GOOGLE ? googleAuthorizeUrl
                : microsoftLoginUrl + "/" + microsoftTenant.orElse("common") + "/oauth2/v2.0/authorize";
        LOG.info(() -> "User " + me.id() + " is connecting " + provider + " (attempt " + state.substring(0, 6) + "…)");
        return new Start(base + "?" + ask.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")), nonce);
    }

    /**
     * The provider's answer, at Convene's callback: taken once, in the browser that asked. Outside a
     * transaction: the attempt is taken in one of its own before the provider is called, and the
     * connection saved in another after it answered.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome finish(String state, String code, String error, String browserNonce) {
        CalendarAuthorizations.Taken taken = attempts.take(state, browserNonce == null ? null : sha256(browserNonce));
        if (taken.problem() != null) {
            return new Outcome(taken.provider(), null, taken.problem());
        }
        Provider provider = taken.provider();
        User owner = taken.owner();
        if (error != null || code == null) {
            LOG.info(() -> provider + " consent for user " + owner.id() + " not given: " + error);
            return new Outcome(provider, null, "denied");
        }
        CalendarGrant grant;
        try {
            grant = calendars.redeemConsent(provider, code, taken.verifier(), callback());
        } catch (IntegrationFailedException e) {
            LOG.warning(() -> provider + " would not trade the consent's code for user " + owner.id() + ": " + e.getMessage());
            return new Outcome(provider, null, "refused");
        }
        if (provider == Provider.GOOGLE && grant.refreshToken() == null) {
            LOG.warning(() -> "Google gave no refresh token for user " + owner.id());
            return new Outcome(provider, grant.account(), "refused");
        }
        integrations.connectConsented(owner, provider, grant);
        return new Outcome(provider, grant.account(), null);
    }

    /** Convene's callback, the redirect address to register with Google and Microsoft. */
    String callback() {
        return publicUrl + "/api/integrations/calendars/callback";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
