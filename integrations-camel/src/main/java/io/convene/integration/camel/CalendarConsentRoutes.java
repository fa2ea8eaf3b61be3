package io.convene.integration.camel;

import io.convene.integration.CalendarGrant;
import io.convene.integration.Provider;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The last step of connecting a calendar through its provider's consent screen: the code it sent back
 * is traded at the provider's token endpoint (grant {@code authorization_code}, with the PKCE
 * verifier and Convene's client credentials) for a refresh token and an ID token, whose e-mail says
 * which account consented. The ID token comes straight from the token endpoint over the connection
 * Convene opened, so it is read without checking a signature (OpenID Connect Core 3.1.3.7).
 */
class CalendarConsentRoutes extends RouteBuilder {

    static final String REDEEM = "direct:calendar-consent";

    /** What to trade: the provider, its code, the PKCE verifier and the redirect address the code was sent to. */
    record Redemption(Provider provider, String code, String verifier, String redirectUri) {
    }

    private final String googleTokenUrl;
    private final Optional<String> googleClientId;
    private final Optional<String> googleClientSecret;
    private final String microsoftTokenUrl;
    private final Optional<String> microsoftClientId;
    private final Optional<String> microsoftClientSecret;

    CalendarConsentRoutes(String googleTokenUrl, Optional<String> googleClientId, Optional<String> googleClientSecret,
                          String microsoftLoginUrl, Optional<String> microsoftTenant, Optional<String> microsoftClientId,
                          Optional<String> microsoftClientSecret) {
        this.googleTokenUrl = googleTokenUrl;
        this.googleClientId = googleClientId;
        this.googleClientSecret = googleClientSecret;
        this.microsoftTokenUrl = microsoftLoginUrl + "/" + microsoftTenant.orElse("common") + "/oauth2/v2.0/token";
        this.microsoftClientId = microsoftClientId;
        this.microsoftClientSecret = microsoftClientSecret;
    }

    @Override
    public void configure() {
        from(REDEEM).routeId("calendar-consent").process(this::redeem);
    }

    private void redeem(Exchange e) {
        Redemption r = e.getMessage().getBody(Redemption.class);
        boolean google = r.provider() == Provider.GOOGLE;
        String tokenUrl = google ? googleTokenUrl : microsoftTokenUrl;
        String form = "grant_type=authorization_code&code=" + enc(r.code()) + "&redirect_uri=" + enc(r.redirectUri())
                + "&code_verifier=" + enc(r.verifier())
                + (google ? googleClientId : microsoftClientId).map(id -> "&client_id=" + enc(id)).orElse("")
                + (google ? googleClientSecret : microsoftClientSecret).map(s -> "&client_secret=" + enc(s)).orElse("");
        Exchange done = TokenEndpoint.post(e.getContext(), "calendar-consent", tokenUrl, form);
        int status = done.getException() != null ? -1 : done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String answer = done.getException() != null ? String.valueOf(done.getException().getMessage())
                : done.getMessage().getBody(String.class);
        if (status != 200) {
            throw new IllegalStateException(r.provider() + " refused the consent's code (HTTP " + status + "): "
                    + reason(answer));
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(answer))) {
            JsonObject tokens = reader.readObject();
            e.getMessage().setBody(new CalendarGrant(tokens.getString("refresh_token", null), account(tokens)));
        }
    }

    /** The consenting account's address from the ID token's payload ({@code email}, else Microsoft's {@code preferred_username}). */
    private static String account(JsonObject tokens) {
        String idToken = tokens.getString("id_token", null);
        if (idToken == null || idToken.split("\\.").length < 2) {
            return null;
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return claims.getString("email", claims.getString("preferred_username", null));
        } catch (RuntimeException notAToken) {
            return null;
        }
    }

    /** The provider's error words ({@code error}, {@code error_description}) — never the body as a whole. */
    private static String reason(String body) {
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            JsonObject o = reader.readObject();
            return o.getString("error", "?") + (o.containsKey("error_description") ? " (" + o.getString("error_description") + ")" : "");
        } catch (RuntimeException notJson) {
            return "no OAuth error given";
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
