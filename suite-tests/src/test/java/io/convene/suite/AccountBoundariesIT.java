package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.LocalAccounts.address;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an attacker tried with accounts, signed in as each kind of person: a deactivated person's
 * tokens, sockets and console session stop at once, and every refusal leaves Convene's rows and
 * Keycloak's accounts as they were.
 */
class AccountBoundariesIT {

    /** Every administrator's and compliance officer's reading endpoint. */
    private static List<String> adminReads(String someSubject) {
        return List.of("/api/admin/accounts", "/api/admin/accounts/" + someSubject + "/sessions", "/api/audit",
                "/api/audit/export", "/api/privacy/holds", "/api/admin/retention", "/api/admin/webhooks",
                "/api/reports/usage", "/api/admin/notifications/dead-letters", "/api/admin/directory/directories",
                "/api/admin/directory/presets", "/api/search/users?q=test", "/api/analytics/usage");
    }

    @Test
    void aDeactivatedAdministratorsTokenChangesNothingAndReadsNothing() {
        String malloryEmail = address("mallory");
        String mallory = LocalAccounts.make(malloryEmail, "admin", "host", "compliance-officer");
        String victorEmail = address("victor");
        String victor = LocalAccounts.make(victorEmail);
        String token = LocalAccounts.signIn(malloryEmail);
        for (String read : adminReads(victor)) {
            Reply r = api().get(read, token);
            assertThat(r.status()).as("before the deactivation: " + read + " -> " + r).isEqualTo(200);
        }

        LocalAccounts.setEnabled(mallory, false);
        long auditEntries = count("select count(*) from audit_entries");
        long users = count("select count(*) from users");
        Map<String, Object> newAdmin = Map.of("email", address("shadow"), "name", "Shadow Admin",
                "temporaryPassword", "Shadow-admin-pass-1", "roles", List.of("admin"));

        List<Reply> refused = new ArrayList<>(List.of(
                api().put("/api/admin/accounts/" + mallory + "/enabled", token, Map.of("enabled", true)),
                api().post("/api/admin/accounts/" + victor + "/reset-password", token,
                        Map.of("password", "Taken-over-pass-1", "temporary", false)),
                api().put("/api/admin/accounts/" + victor + "/roles", token, Map.of("roles", List.of("admin"))),
                api().post("/api/admin/accounts", token, newAdmin),
                api().post("/api/admin/accounts/" + victor + "/logout", token, null)));
        for (String read : adminReads(victor)) {
            refused.add(api().get(read, token));
        }
        for (Reply r : refused) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("detail")).isEqualTo("This account is deactivated; ask an administrator");
        }

        assertThat(LocalAccounts.inKeycloak(mallory).get("enabled").asBoolean()).as("still off in Keycloak").isFalse();
        assertThat(count("select count(*) from users where subject = '" + mallory + "' and status = 'DISABLED'")).isEqualTo(1);
        assertThat(LocalAccounts.rolesInKeycloak(victor)).doesNotContain("admin");
        assertThat(LocalAccounts.countInKeycloak((String) newAdmin.get("email"))).isZero();
        LocalAccounts.signIn(victorEmail); // the old password still works
        assertThat(count("select count(*) from users")).isEqualTo(users);
        assertThat(count("select count(*) from audit_entries")).isEqualTo(auditEntries);
        assertThat(api().post("/api/users/login", null, Map.of("email", malloryEmail, "password", LocalAccounts.PASSWORD))
                .status()).as("no new tokens either").isEqualTo(401);
    }

    @Test
    void nobodyReactivatesThemselvesAndAnAdministratorsRefusalComesBeforeKeycloakActs() {
        String ada = tokenOf(Meetings.ADMIN);
        String adaSubject = api().get("/api/admin/accounts?search=" + Meetings.ADMIN, ada).json().get("accounts").get(0)
                .get("subject").asText();
        long auditEntries = count("select count(*) from audit_entries");
        Reply self = api().put("/api/admin/accounts/" + adaSubject + "/enabled", ada, Map.of("enabled", true));
        assertThat(self.status()).as(self.toString()).isEqualTo(409);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(self.text("detail")).isEqualTo("Nobody reactivates their own account; another administrator does");

        // a host (not an administrator) is refused before anything reaches Keycloak
        String victorEmail = address("victor");
        String victor = LocalAccounts.make(victorEmail);
        String host = tokenOf(Meetings.HOST);
        List<Reply> refused = List.of(
                api().put("/api/admin/accounts/" + victor + "/enabled", host, Map.of("enabled", false)),
                api().put("/api/admin/accounts/" + victor + "/roles", host, Map.of("roles", List.of("admin"))),
                api().post("/api/admin/accounts/" + victor + "/reset-password", host,
                        Map.of("password", "Taken-over-pass-1", "temporary", false)));
        for (Reply r : refused) {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(LocalAccounts.inKeycloak(victor).get("enabled").asBoolean()).isTrue();
        assertThat(LocalAccounts.rolesInKeycloak(victor)).doesNotContain("admin");
        LocalAccounts.signIn(victorEmail);
        assertThat(count("select count(*) from audit_entries")).isEqualTo(auditEntries);
    }

    @Test
    void aDeactivatedCoHostsOpenSocketsCloseAndTheirControlsAreRefused() {
        String host = tokenOf(Meetings.HOST);
        String pablo = tokenOf(Meetings.PARTICIPANT);
        String codyEmail = address("cody");
        String cody = LocalAccounts.make(codyEmail);
        String codyToken = LocalAccounts.signIn(codyEmail);
        Reply m = schedule(host, with(draft("Deactivated co-host"), "invitees", List.of(codyEmail, Meetings.PARTICIPANT),
                "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        Reply joined = api().post("/api/meetings/" + id + "/join", codyToken, Map.of());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        assertThat(api().post("/api/meetings/" + id + "/audio/toggle", pablo, Map.of("on", true)).status()).isEqualTo(200);
        Reply coHost = api().post("/api/meetings/" + id + "/control", host,
                Map.of("action", "MAKE_CO_HOST", "participationId", joined.text("participationId")));
        assertThat(coHost.status()).as(coHost.toString()).isEqualTo(200);

        try (ChannelClient channel = ChannelClient.withTicket(id, joined.text("channelTicket"));
             ChannelClient notifications = ChannelClient.notifications(codyToken)) {
            assertThat(channel.next().get("type").asText()).isEqualTo("hello");
            assertThat(notifications.next().get("type").asText()).isEqualTo("hello");
            long mediaEvents = count("select count(*) from meeting_events where meeting_id = '" + id
                    + "' and type = 'participant.media'");

            LocalAccounts.setEnabled(cody, false);
            try {
                channel.send(Map.of("type", "control", "action", "MUTE_ALL"));
            } catch (java.util.concurrent.CompletionException alreadyClosed) {
                // the sweep was quicker than this send: as good a refusal as any
            }

            assertThat(channel.closeCode()).as("the channel socket closes within seconds").isEqualTo(4401);
            assertThat(channel.closeReason()).isEqualTo("account deactivated");
            assertThat(notifications.closeCode()).isEqualTo(4401);
            assertThat(channel.drain(Duration.ZERO)).noneMatch(msg -> "ack".equals(msg.path("type").asText()));
            assertThat(count("select count(*) from meeting_events where meeting_id = '" + id
                    + "' and type = 'participant.media'")).as("nobody was muted").isEqualTo(mediaEvents);
            assertThat(count("select count(*) from participations where id = '" + pabloP + "' and audio_on")).isEqualTo(1);
        }
        try (ChannelClient again = ChannelClient.withTicket(id, joined.text("channelTicket"))) {
            assertThat(again.closeCode()).as("the ticket no longer opens the channel").isEqualTo(1008);
        }
        Reply events = api().get("/api/meetings/" + id + "/events", codyToken);
        assertThat(events.status()).as(events.toString()).isEqualTo(401);
    }

    @Test
    void aDeactivatedAdministratorsConsoleStopsAtTheNextRequest() {
        String connyEmail = address("conny");
        String conny = LocalAccounts.make(connyEmail, "admin");
        try (Console console = Console.open(1280, 800).signIn(connyEmail, LocalAccounts.PASSWORD)) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/users");
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-search input")));

            LocalAccounts.setEnabled(conny, false);

            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/users");
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Account deactivated"));
            assertThat(console.browser.findElement(By.tagName("body")).getText()).contains(connyEmail);
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/users");
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(console.browser.getCurrentUrl()).as("the session is gone: back to Keycloak's sign-in")
                    .contains("/realms/convene/");
        }
    }

    // --- sign-in throttling -------------------------------------------------------------------

    private static Map<String, String> login(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    private static void assertLimited(Reply r, String detail, long mostSeconds) {
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).startsWith(detail);
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, mostSeconds);
    }

    @Test
    void wrongPasswordsFromOneClientAreThrottledWhileTheOwnerStillSignsIn() {
        String email = address("lisa");
        String subject = LocalAccounts.make(email);
        FromAddress guesser = FromAddress.loopback(21);
        for (int i = 0; i < 5; i++) {
            Reply wrong = guesser.post("/api/users/login", login(email, "Guess-number-" + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
            assertThat(wrong.text("detail")).isEqualTo("Wrong e-mail or password");
        }
        for (String password : List.of("Guess-number-5", LocalAccounts.PASSWORD)) {
            assertLimited(guesser.post("/api/users/login", login(email, password)),
                    "Too many failed sign-ins for this account from your address", 901);
        }
        assertThat(count("select count(*) from login_failures where account_key = '" + email + "'")).isEqualTo(5);
        JsonNode keycloak = Eventually.get(() -> LocalAccounts.bruteForceStatus(subject),
                s -> s.path("numFailures").asInt() == 5, Duration.ofSeconds(10));
        assertThat(keycloak.path("disabled").asBoolean()).as("Keycloak has not locked the account").isFalse();
        LocalAccounts.signIn(email); // the owner, from another address
    }

    @Test
    void manyClientsGuessingCannotLockTheAccountForItsOwner() {
        String email = address("lotte");
        String subject = LocalAccounts.make(email);
        for (int client = 31; client <= 34; client++) { // 20 failures in all: the account-wide limit
            for (int i = 0; i < 5; i++) {
                Reply wrong = FromAddress.loopback(client).post("/api/users/login", login(email, "Guess-" + client + "-" + i));
                assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
            }
        }
        FromAddress another = FromAddress.loopback(35);
        assertThat(another.post("/api/users/login", login(email, "Guess-35")).status())
                .as("a client that has not failed is let through to try").isEqualTo(401);
        assertLimited(another.post("/api/users/login", login(email, LocalAccounts.PASSWORD)),
                "Too many failed sign-ins for this account", 901);
        assertThat(count("select count(*) from login_failures where account_key = '" + email + "'")).isEqualTo(21);
        JsonNode keycloak = Eventually.get(() -> LocalAccounts.bruteForceStatus(subject),
                s -> s.path("numFailures").asInt() == 21, Duration.ofSeconds(10));
        assertThat(keycloak.path("disabled").asBoolean()).as("Keycloak has not locked the account").isFalse();
        LocalAccounts.signIn(email); // the owner has never failed
    }

    @Test
    void oneClientTryingManyAccountsIsStoppedForAllOfThem() {
        FromAddress sprayer = FromAddress.loopback(41);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            emails.add(address("spray" + i));
            LocalAccounts.make(emails.get(i));
        }
        for (int i = 0; i < 5; i++) { // 4 each: no account reaches its own limit, the address does (20)
            for (int j = 0; j < 4; j++) {
                assertThat(sprayer.post("/api/users/login", login(emails.get(i), "Spring-2026-" + j)).status()).isEqualTo(401);
            }
        }
        assertLimited(sprayer.post("/api/users/login", login(emails.get(5), LocalAccounts.PASSWORD)),
                "Too many failed sign-ins from your address", 901);
        assertThat(count("select count(*) from login_failures where client_key = 'address:127.0.0.41'")).isEqualTo(20);
        LocalAccounts.signIn(emails.get(5)); // from another address
    }

    @Test
    void anAccountKeycloakHasLockedIsSaidToBeLockedNotAWrongPassword() {
        String email = address("kai");
        String subject = LocalAccounts.make(email);
        // Keycloak's own failure factor (50) of wrong passwords, straight at Keycloak; it counts them
        // in the background and has been seen to miss one of fifty, so more follow until it has locked
        int sent = 0;
        for (; sent < 50 || sent < 100 && !LocalAccounts.bruteForceStatus(subject).path("disabled").asBoolean(); sent++) {
            Reply r = ConveneSuite.keycloak().postForm("/realms/convene/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "convene-backend",
                    "client_secret", ConveneSuite.get().settings().backendClientSecret(),
                    "username", email, "password", "Wrong-" + sent), null);
            assertThat(r.status()).as(r.toString()).isIn(400, 401);
        }
        int wrongPasswords = sent;
        Eventually.get(() -> LocalAccounts.bruteForceStatus(subject), s -> s.path("disabled").asBoolean(),
                Duration.ofSeconds(10));
        System.out.println("Keycloak locked the account after " + wrongPasswords + " wrong passwords");

        Reply locked = FromAddress.loopback(51).post("/api/users/login", login(email, LocalAccounts.PASSWORD));
        assertLimited(locked, "This account is temporarily locked", 301);
        assertThat(locked.text("title")).isEqualTo("Account temporarily locked");
        assertThat(count("select count(*) from login_failures where account_key = '" + email + "'"))
                .as("not counted against the client: it may have had the right password").isZero();

        Reply unlocked = ConveneSuite.keycloak().delete("/admin/realms/convene/attack-detection/brute-force/users/" + subject,
                ConveneSuite.masterAdminToken());
        assertThat(unlocked.status()).isEqualTo(204);
        LocalAccounts.signIn(email);
    }

    // --- a self-registered address is verified before anything attaches to it ----------------

    @Test
    void invitationsToAnAddressAttachOnlyOnceItsOwnerHasVerifiedIt() throws Exception {
        String host = tokenOf(Meetings.HOST);
        String ines = address("ines");
        String before = schedule(host, with(draft("Board: before"), "invitees", List.of(ines), "agenda", "Confidential")).text("id");

        Reply registered = api().post("/api/users/register", null, Map.of("email", ines, "password", "Whoever-pass-123",
                "name", "Not Ines"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("emailVerified").asBoolean()).isFalse();
        String after = schedule(host, with(draft("Board: after"), "invitees", List.of(ines), "agenda", "Confidential")).text("id");
        String unverified = signIn(ines, "Whoever-pass-123");

        // the notices have been delivered: by e-mail, to the address (in-app would have been stored with it)
        Eventually.get(() -> subjectsTo(ines), subjects -> subjects.stream().anyMatch(t -> t.contains("Board: after")),
                Duration.ofSeconds(20));
        for (String id : List.of(before, after)) {
            Reply details = api().get("/api/meetings/" + id + "/details", unverified);
            assertThat(details.status()).as(details.toString()).isEqualTo(404);
            assertThat(details.contentType()).startsWith("application/problem+json");
            assertThat(api().post("/api/meetings/" + id + "/join", unverified, Map.of()).status()).isEqualTo(404);
            assertThat(count("select count(*) from participations where meeting_id = '" + id + "' and invited_email = '"
                    + ines + "' and user_id is null")).as("the invitation is still the address's").isEqualTo(1);
        }
        assertThat(api().get("/api/meetings/upcoming", unverified).json().get("items")).isEmpty();
        assertThat(api().get("/api/search/meetings?q=Board", unverified).json()).isEmpty();
        assertThat(api().get("/api/notifications/list", unverified).json().get("items")).isEmpty();
        assertThat(count("select count(*) from participations p join users u on u.id = p.user_id where u.email = '"
                + ines + "'")).isZero();

        URI link = verificationLink(ines);
        String pages = follow(link);
        String subject = api().get("/api/admin/accounts?search=" + ines, tokenOf(Meetings.ADMIN)).json().get("accounts")
                .get(0).get("subject").asText();
        assertThat(LocalAccounts.inKeycloak(subject).get("emailVerified").asBoolean()).as(link + "\n" + pages).isTrue();

        String verified = signIn(ines, "Whoever-pass-123");
        assertThat(api().get("/api/meetings/upcoming", verified).json().get("items").findValuesAsText("id"))
                .contains(before, after);
        Reply details = api().get("/api/meetings/" + before + "/details", verified);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.text("agenda")).isEqualTo("Confidential");
        assertThat(api().get("/api/users/profile", verified).json().get("emailVerified").asBoolean()).isTrue();
    }

    private static String signIn(String email, String password) {
        Reply r = api().post("/api/users/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("access_token");
    }

    /** The link in the e-mail Keycloak sent to verify the address. */
    private static URI verificationLink(String to) {
        String text = Eventually.get(() -> mailTo(to).stream().filter(t -> t.contains("login-actions/action-token"))
                .findFirst().orElse(null), java.util.Objects::nonNull, Duration.ofSeconds(20));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+login-actions/action-token\\S+")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return URI.create(link.group());
    }

    private static List<String> subjectsTo(String to) {
        List<String> subjects = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : ConveneSuite.smtp().getReceivedMessages()) {
            try {
                if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().toLowerCase().contains(to))) {
                    subjects.add(m.getSubject());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError("Unreadable mail: " + e, e);
            }
        }
        return subjects;
    }

    private static List<String> mailTo(String to) {
        List<String> texts = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : ConveneSuite.smtp().getReceivedMessages()) {
            try {
                if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().toLowerCase().contains(to))) {
                    texts.add(plainText(m));
                }
            } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                throw new AssertionError("Unreadable mail: " + e, e);
            }
        }
        return texts;
    }

    private static String plainText(jakarta.mail.Part part) throws jakarta.mail.MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(plainText(parts.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    /**
     * Opens the link as a browser would (cookies kept): Keycloak asks a browser it has not seen to
     * confirm with a second link on its page, and that one verifies the address.
     */
    private static String follow(URI link) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        String seen = page.statusCode() + " " + page.headers().allValues("set-cookie") + "\n" + page.body();
        assertThat(page.statusCode()).as(seen).isEqualTo(200);
        java.util.regex.Matcher confirm = java.util.regex.Pattern.compile("href=\"([^\"]*login-actions/action-token[^\"]*)\"")
                .matcher(page.body());
        if (confirm.find()) {
            URI next = link.resolve(confirm.group(1).replace("&amp;", "&"));
            page = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            seen += "\n--- " + next + "\n" + page.statusCode() + "\n" + page.body();
            assertThat(page.statusCode()).as(seen).isEqualTo(200);
        }
        return seen;
    }

    /**
     * Cookies as a browser keeps them for 127.0.0.1: browsers count loopback as a secure context and
     * send it Keycloak's Secure cookies over plain HTTP; Java's CookieManager sends them only to https.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {
        private final java.net.CookieManager store = new java.net.CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            return store.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            store.put(uri, headers);
        }
    }
}
