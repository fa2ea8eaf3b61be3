package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static io.convene.suite.LocalAccounts.address;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

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
}
