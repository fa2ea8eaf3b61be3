package io.convene.suite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.providers;
import static io.convene.suite.ConveneSuite.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.convene.suite.ErasureBoundariesIT.Person;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Connect Google Calendar" from the home page through Google's consent screen, played by WireMock as
 * Google's authorization server: the browser goes to the authorize address with a state and a PKCE
 * challenge, comes back to Convene's callback with a code, Convene trades it with the verifier at the
 * token endpoint and keeps the refresh token sealed. The answer is taken once, and only in the
 * browser that asked; then the person disconnects again.
 */
class CalendarConnectIT extends SignedInPeople {

    private static final String CODE = "consent-code-7";

    @BeforeEach
    void googlePlaysItsConsentScreen() {
        providers().resetAll();
        // "allow": straight back to the redirect address with a code and the state, as Google does
        providers().stubFor(get(urlPathEqualTo("/google/auth")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + CODE)
                .withTransformers("response-template")));
    }

    @Test
    void aPersonConnectsTheirGoogleCalendarThroughItsConsentScreen() throws Exception {
        Person cal = ErasureBoundariesIT.register("Cal Connector");
        String idToken = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"email\":\"" + cal.email() + "\"}").getBytes())
                + ".c2lnbmF0dXJl";
        providers().stubFor(post(urlPathEqualTo("/google/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + CODE)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"at-1\",\"expires_in\":3599,\"refresh_token\":\"refresh-from-consent\","
                                + "\"id_token\":\"" + idToken + "\",\"token_type\":\"Bearer\"}")));
        try (Console page = Console.open(1000, 800)) {
            HomeIT.signInAtHome(page, cal.email(), "Boundary-pass-1");
            page.click(By.id("nav-profile"));
            page.click(By.id("connect-google"));
            page.wait.withMessage(page::describe).until(ExpectedConditions.textToBe(By.id("status"), "Google Calendar is connected"));
            page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-provider='GOOGLE']"), "Connected since"));
            assertThat(page.browser.getCurrentUrl()).endsWith("/home/profile");
        }
        assertThat(text("select (settings->>'calendarId') || ':' || (secret_sealed is not null) from integration_connections"
                + " where user_id = '" + cal.id() + "' and provider = 'GOOGLE'")).isEqualTo("primary:true");
        assertThat(text("select secret_sealed from integration_connections where user_id = '" + cal.id() + "'"))
                .doesNotContain("refresh-from-consent");

        // what went to Google: the consent screen got the S256 challenge of the verifier the token endpoint got
        LoggedRequest asked = last(providers().findAll(getRequestedFor(urlPathEqualTo("/google/auth"))));
        LoggedRequest traded = last(providers().findAll(postRequestedFor(urlPathEqualTo("/google/token"))
                .withRequestBody(containing("grant_type=authorization_code"))));
        Map<String, String> form = form(traded.getBodyAsString());
        assertThat(asked.queryParameter("code_challenge_method").firstValue()).isEqualTo("S256");
        assertThat(asked.queryParameter("code_challenge").firstValue()).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII))));
        assertThat(asked.queryParameter("redirect_uri").firstValue()).isEqualTo(form.get("redirect_uri"))
                .endsWith("/api/integrations/calendars/callback");
        assertThat(asked.queryParameter("access_type").firstValue()).isEqualTo("offline");
        assertThat(form).containsEntry("client_id", "convene-google-client").containsEntry("client_secret", "convene-google-secret")
                .containsEntry("code", CODE);

        // the same answer again: already used
        String state = asked.queryParameter("state").firstValue();
        assertThat(callback(state, null)).contains("calendar=unknown");

        // an attempt started by the person, answered in a browser without its cookie: refused, nothing connected
        Reply started = api().post("/api/integrations/calendars/GOOGLE/authorize", cal.token(), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String otherState = form(URI.create(started.text("consentUrl")).getRawQuery()).get("state");
        long traded0 = providers().findAll(postRequestedFor(urlPathEqualTo("/google/token"))).size();
        assertThat(callback(otherState, null)).contains("calendar=other-browser");
        assertThat(providers().findAll(postRequestedFor(urlPathEqualTo("/google/token")))).as("no code traded").hasSize((int) traded0);

        try (Console page = Console.open(1000, 800)) { // and disconnects from the same screen
            HomeIT.signInAtHome(page, cal.email(), "Boundary-pass-1");
            page.click(By.id("nav-profile"));
            page.click(By.id("disconnect-google"));
            page.click(By.id("confirm-yes"));
            page.wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-google")));
        }
        assertThat(count("select count(*) from integration_connections where user_id = '" + cal.id() + "'")).isZero();
    }

    @Test
    void aConsentTheProviderRefusesConnectsNothing() {
        Person rex = ErasureBoundariesIT.register("Rex Refused");
        providers().stubFor(post(urlPathEqualTo("/google/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        try (Console page = Console.open(1000, 800)) {
            HomeIT.signInAtHome(page, rex.email(), "Boundary-pass-1");
            page.click(By.id("nav-profile"));
            page.click(By.id("connect-google"));
            page.wait.withMessage(page::describe).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    "would not complete the connection"));
        }
        assertThat(count("select count(*) from integration_connections where user_id = '" + rex.id() + "'")).isZero();
    }

    @Test
    void outlookIsAskedAtMicrosoftsConsentScreenWithItsOwnScopes() {
        Person otto = ErasureBoundariesIT.register("Otto Outlook");
        Reply started = api().post("/api/integrations/calendars/MICROSOFT/authorize", otto.token(), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        URI consent = URI.create(started.text("consentUrl"));
        Map<String, String> ask = form(consent.getRawQuery());
        assertThat(consent.getPath()).isEqualTo("/ms/login/convene-tenant/oauth2/v2.0/authorize");
        assertThat(ask).containsEntry("client_id", "convene-app").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsEntry("response_mode", "query")
                .containsKeys("state", "code_challenge");
        assertThat(ask.get("scope").split(" ")).contains("offline_access", "https://graph.microsoft.com/Calendars.ReadWrite");
        assertThat(started.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("convene_calendar_consent="))
                .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                        .contains("Path=/api/integrations/calendars"));
        assertThat(api().post("/api/integrations/calendars/SLACK/authorize", otto.token(), null).status())
                .as("only calendars connect this way").isEqualTo(400);
    }

    /** Convene's callback as a browser without the attempt's cookie reaches it: where it sends the browser. */
    private static String callback(String state, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ConveneSuite.get().settings().httpUrl()
                + "/api/integrations/calendars/callback?state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)
                + "&code=" + CODE));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static LoggedRequest last(List<LoggedRequest> requests) {
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
