package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin console in a real headless Chromium against the whole suite: signing in through
 * Keycloak's page, what each role may open, and a report exported from the screen and downloaded.
 * Screenshots of each screen go to {@code target/screenshots}.
 */
class ConsoleIT {

    @Test
    void anAdministratorSignsInThroughKeycloakAndSeesTheDashboard() {
        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.wait.until(ExpectedConditions.urlContains("/admin/dashboard"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Health"));
            WebElement body = console.browser.findElement(By.tagName("body"));
            console.wait.until(d -> body.getText().contains("Database") && body.getText().contains("Keycloak"));
            assertThat(body.getText()).as("the suite's Janus (.ci/run installs it)").containsPattern("Media server\\s+UP\\s+Janus .* with VideoRoom");
            assertThat(console.browser.findElements(By.cssSelector("[role=status]")))
                    .extracting(e -> e.getAttribute("aria-label"))
                    .anyMatch(l -> l.startsWith("Live meetings: ")).anyMatch(l -> l.startsWith("Meetings today: "));
            assertThat(console.browser.getTitle()).isEqualTo("Dashboard · Convene console");
            assertThat(console.contentSecurityViolations()).as("the console runs under its content security policy").isEmpty();
            // and the policy is in force (and a refusal would be seen): an image from another origin is refused
            ((org.openqa.selenium.JavascriptExecutor) console.browser).executeScript("const i = document.createElement('img');"
                    + " i.src = 'http://127.0.0.2:9/elsewhere.png'; document.body.appendChild(i);");
            console.wait.until(d -> console.contentSecurityViolations().stream().anyMatch(m -> m.contains("elsewhere.png")));
            console.screenshot("dashboard-1280x800");
        }
    }

    @Test
    void anAdministratorFindsAPersonDeactivatesThemAndTheirSignInIsRefused() {
        String email = "vera.console." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@convene.example";
        Reply registered = ConveneSuite.api().post("/api/users/register", null, Map.of("email", email,
                "password", "Console-test-pass-1", "name", "Vera Console"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", email, "password", "Console-test-pass-1"))
                .status()).isEqualTo(200);

        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/users");
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user-search input")))
                    .sendKeys(email.substring(0, 16));
            By row = By.xpath("//vaadin-grid-cell-content[text()='" + email + "']");
            console.click(row);
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Can sign in"));
            console.screenshot("users-1280x800");
            console.click(By.id("toggle-account"));
            console.click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Deactivated: cannot sign in"));
        }
        assertThat(ConveneSuite.api().post("/api/users/login", null, Map.of("email", email, "password", "Console-test-pass-1"))
                .status()).as("the deactivated person's sign-in").isEqualTo(401);
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + email + "' and status = 'DISABLED'"))
                .isEqualTo(1);
    }

    @Test
    void aComplianceOfficerExportsAPersonsDataAndDownloadsTheZip() throws Exception {
        String email = "petra.export." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@convene.example";
        assertThat(ConveneSuite.api().post("/api/users/register", null, Map.of("email", email,
                "password", "Console-test-pass-1", "name", "Petra Export")).status()).isEqualTo(201);
        try (Console console = Console.open(1280, 800).signIn(Meetings.COMPLIANCE, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/compliance");
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#privacy-person input")))
                    .sendKeys(email.substring(0, 16));
            console.click(By.xpath("//vaadin-combo-box-item[contains(., '" + email + "')]"));
            console.click(By.id("privacy-export"));
            // the page polls the export and draws its row again: the link is read afresh until it holds still
            String href = settledHref(console, "a[id^=privacy-download-]");
            assertThat(console.browser.findElement(By.id("privacy-requests")).getText()).contains("Petra Export <" + email + ">");
            console.screenshot("compliance-1280x800");

            HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + console.cookie("JSESSIONID")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            List<String> entries = new java.util.ArrayList<>();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    entries.add(e.getName());
                }
            }
            assertThat(entries).contains("profile.json", "index.html");
        }
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'privacy.export-downloaded'"))
                .isPositive();
    }

    @Test
    void anAdministratorSetsUpADirectoryTestsItAndWatchesASyncReachAHundredPercent() {
        String prefix = "cons" + (System.nanoTime() % 1000);
        int people = 40;
        try (io.convene.launcher.SampleDirectory ldap = io.convene.launcher.SampleDirectory.start(
                io.convene.launcher.SampleDirectory.Shape.OPENLDAP, people, null, prefix);
             Console console = Console.open(1280, 900).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/directory");
            console.type(By.cssSelector("#directory-name input"), "Console directory " + prefix);
            console.type(By.cssSelector("#directory-urls input"), ldap.url());
            console.click(By.xpath("//vaadin-select[.//label[text()='Security'] or @label='Security']"));
            console.click(By.xpath("//vaadin-select-item[normalize-space(.)='NONE']"));
            console.type(By.cssSelector("#directory-bind-dn input"), ldap.bindDn());
            console.type(By.cssSelector("#directory-bind-password input"), io.convene.launcher.SampleDirectory.BIND_PASSWORD);
            console.type(By.cssSelector("#directory-users-dn input"), ldap.usersDn());
            console.type(By.cssSelector("#directory-groups-dn input"), ldap.groupsDn());
            console.click(By.id("directory-save"));
            console.click(By.id("directory-test"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory-outcome"),
                    "people found, groups found"));
            console.click(By.id("directory-preview"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory-outcome"),
                    "people a sync would provision"));
            assertThat(console.browser.findElement(By.id("directory-outcome")).getText())
                    .isEqualTo("The first 20 people a sync would provision");
            assertThat(console.browser.findElement(By.id("directory-preview-people")).getText()).contains(prefix);
            console.click(By.id("directory-sync"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("directory-counts"), "SUCCEEDED"));
            assertThat(console.browser.findElement(By.id("directory-counts")).getText())
                    .isEqualTo("SUCCEEDED: seen " + people + ", created " + people + ", updated 0, deactivated 0, failed 0");
            assertThat(console.browser.findElement(By.cssSelector("vaadin-progress-bar[aria-label^='Sync progress']"))
                    .getAttribute("aria-label")).isEqualTo("Sync progress 100 %");
            console.screenshot("directory-1280x900");
        }
        assertThat(ConveneSuite.count("select count(*) from users where email like '" + prefix + "%@ldap.corp.example'"))
                .isEqualTo(people);
        // its directory server is gone: Keycloak must not keep asking it at every sign-in of the other tests
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        for (com.fasterxml.jackson.databind.JsonNode d : ConveneSuite.api().get("/api/admin/directory/directories", admin).json()) {
            if (d.get("name").asText().equals("Console directory " + prefix)) {
                assertThat(ConveneSuite.api().delete("/api/admin/directory/directories/" + d.get("id").asText(), admin).status())
                        .isEqualTo(204);
            }
        }
    }

    @Test
    void anAdministratorFindsALiveMeetingMutesLocksRemovesSomeoneAndEndsIt() {
        String word = "zeta" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Meetings.Gathering live = Meetings.gather(ConveneSuite.tokenOf(Meetings.HOST), ConveneSuite.tokenOf(Meetings.PARTICIPANT),
                ConveneSuite.tokenOf(Meetings.COMPLIANCE), Meetings.draft("Console " + word + " review"));
        String pablo = java.util.stream.StreamSupport.stream(ConveneSuite.api().get("/api/meetings/" + live.id() + "/details",
                        ConveneSuite.tokenOf(Meetings.HOST)).json().get("participants").spliterator(), false)
                .filter(p -> Meetings.PARTICIPANT.equals(p.path("email").asText())).findFirst().orElseThrow().get("name").asText();
        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/meetings");
            console.type(By.cssSelector("#meeting-words input"), word);
            console.click(By.xpath("//vaadin-grid-cell-content[text()='Console " + word + " review']"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-participants"), Meetings.PARTICIPANT));
            assertThat(console.browser.findElement(By.id("meeting-summary")).getText()).startsWith("LIVE · code " + live.code());

            console.click(By.id("meeting-mute-all"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-audit"), "MUTE_ALL"));
            console.click(By.id("meeting-lock"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-summary"), "LIVE · locked"));
            console.click(By.cssSelector("vaadin-button[aria-label='Remove " + pablo + " from the meeting']"));
            console.click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-audit"), "REMOVE"));
            assertThat(console.browser.findElement(By.id("meeting-participants")).getText())
                    .doesNotContain(Meetings.PARTICIPANT).contains(Meetings.COMPLIANCE);
            console.screenshot("meetings-live-1280x800");

            console.click(By.id("meeting-end"));
            console.click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-summary"), "ENDED"));
            assertThat(console.browser.findElement(By.id("meeting-attendance")).getText()).contains("min");
            console.screenshot("meetings-ended-1280x800");
            assertThat(console.contentSecurityViolations()).as("grids, dialogs, confirmations under the policy").isEmpty();
        }
        String meeting = "meeting_id = '" + live.id() + "'";
        assertThat(ConveneSuite.count("select count(*) from meetings where id = '" + live.id() + "' and status = 'ENDED'"))
                .isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from participations where id = '" + live.pabloP() + "' and removed_at is not null"))
                .isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where " + meeting
                + " and u.email = '" + Meetings.ADMIN + "' and a.action in ('MUTE_ALL', 'LOCK', 'REMOVE', 'END')")).isEqualTo(4);
    }

    @Test
    void anAdministratorReplaysOneDeadLetterDiscardsAnotherAndSeesWhatWasSent() {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        String host = ConveneSuite.tokenOf(Meetings.HOST);
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        String kept = "kept." + tag + "@example.org";
        String dropped = "dropped." + tag + "@example.org";
        long emailsBefore = ConveneSuite.count("select coalesce(sum(sent), 0) from notification_sent where channel = 'EMAIL'");
        String keptMeeting;
        String droppedMeeting;
        ConveneSuite.smtp().stop();
        try {
            keptMeeting = Meetings.schedule(host, Meetings.with(Meetings.draft("Kept"), "invitees", List.of(kept))).text("id");
            droppedMeeting = Meetings.schedule(host, Meetings.with(Meetings.draft("Dropped"), "invitees", List.of(dropped))).text("id");
            Eventually.get(() -> DeliveryFailuresIT.deadLetterOf(admin, keptMeeting) != null
                    && DeliveryFailuresIT.deadLetterOf(admin, droppedMeeting) != null, parked -> parked, java.time.Duration.ofSeconds(90));
        } finally {
            ConveneSuite.smtp().start();
        }
        String keptLetter = DeliveryFailuresIT.deadLetterOf(admin, keptMeeting).get("id").asText();
        String droppedLetter = DeliveryFailuresIT.deadLetterOf(admin, droppedMeeting).get("id").asText();

        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/notifications");
            By replay = By.cssSelector("vaadin-button[aria-label='Replay dead letter " + keptLetter + "']");
            By discard = By.cssSelector("vaadin-button[aria-label='Discard dead letter " + droppedLetter + "']");
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(replay));
            assertThat(console.browser.findElement(By.id("dead-letters")).getText())
                    .contains("INVITED of \u201cKept\u201d to " + kept).contains("INVITED of \u201cDropped\u201d to " + dropped);
            console.screenshot("notifications-1280x800");
            console.click(replay);
            console.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), kept)));
            console.click(discard);
            console.click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            console.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-letters"), dropped)));

            assertThat(EmailInvitesIT.awaitInvites(kept, keptMeeting + "@convene", 1)).hasSize(1);
            assertThat(ConveneSuite.count("select coalesce(sum(sent), 0) from notification_sent where channel = 'EMAIL'"))
                    .as("the replayed e-mail is counted as sent").isGreaterThan(emailsBefore);
            String totals = Eventually.get(() -> {
                console.browser.navigate().refresh();
                return console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sent-totals"))).getText();
            }, shown -> shown.equals(sentInTheLastTwoWeeks()), java.time.Duration.ofSeconds(20));
            assertThat(totals).startsWith("In the last 14 days: In-app ");
        }
        assertThat(EmailInvitesIT.invites(dropped, droppedMeeting + "@convene")).as("the discarded e-mail").isEmpty();
        assertThat(ConveneSuite.count("select count(*) from audit_entries where (action = 'dead-letter.replayed' and target = 'message:"
                + keptLetter + "') or (action = 'dead-letter.discarded' and target = 'message:" + droppedLetter + "')")).isEqualTo(2);
    }

    private static String sentInTheLastTwoWeeks() {
        String since = "day > (now() at time zone 'UTC')::date - 14 and channel = ";
        return "In the last 14 days: In-app " + ConveneSuite.count("select coalesce(sum(sent), 0) from notification_sent where " + since + "'IN_APP'")
                + ", e-mail " + ConveneSuite.count("select coalesce(sum(sent), 0) from notification_sent where " + since + "'EMAIL'")
                + ", Slack direct messages " + ConveneSuite.count("select coalesce(sum(sent), 0) from notification_sent where " + since + "'SLACK'");
    }

    @Test
    void anAdministratorConnectsSlackTestsItAndTheirCalendarAndDisconnects() {
        ConveneSuite.providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/slack/api/auth.test"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer xoxb-console-good"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"ok\":true,\"team\":\"Convene Test\",\"user\":\"convene-bot\"}")));
        ConveneSuite.providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/slack/api/auth.test"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer xoxb-console-bad"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));
        ConveneSuite.providers().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/ms/login/convene-tenant/oauth2/v2.0/token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        // the same answer as OutlookCalendarIT's: the app token is kept across tests
                        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"eyJ0.graph\"}")));
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        assertThat(ConveneSuite.api().post("/api/integrations/third-party", admin, Map.of("provider", "MICROSOFT",
                "action", "CONNECT", "settings", Map.of())).status()).isEqualTo(200);
        long checksBefore = ConveneSuite.count("select count(*) from audit_entries where action = 'integration.checked'");
        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/integrations");
            By outcome = By.id("integration-outcome");
            console.type(By.cssSelector("#slack-channel input"), "");
            console.click(By.id("slack-connect"));
            console.wait.until(ExpectedConditions.attributeToBe(By.id("slack-channel"), "invalid", "true"));
            assertThat(console.browser.findElement(By.id("slack-channel")).getText()).contains("required for this provider");

            console.type(By.cssSelector("#slack-channel input"), "C0CONSOLE");
            console.type(By.cssSelector("#slack-token input"), "xoxb-console-bad");
            console.type(By.cssSelector("#slack-signing-secret input"), "console-signing-secret");
            console.click(By.id("slack-connect"));
            console.wait.until(ExpectedConditions.attributeToBe(outcome, "textContent", "Slack connected"));
            console.click(By.id("slack-test"));
            console.wait.until(ExpectedConditions.attributeContains(outcome, "textContent", "Test failed: "));
            assertThat(console.browser.findElement(outcome).getAttribute("textContent")).contains("invalid_auth");
            assertThat(console.browser.findElement(By.id("slack-state")).getAttribute("textContent")).contains("failing since").contains("invalid_auth");

            console.type(By.cssSelector("#slack-token input"), "xoxb-console-good");
            assertThat(console.browser.findElement(By.cssSelector("#slack-signing-secret input")).getAttribute("value"))
                    .as("the signing secret is never shown").isEmpty();
            console.click(By.id("slack-connect"));
            console.wait.until(ExpectedConditions.attributeToBe(outcome, "textContent", "Slack connected"));
            com.fasterxml.jackson.databind.JsonNode slack = null;
            for (com.fasterxml.jackson.databind.JsonNode c : ConveneSuite.api().get("/api/integrations", admin).json()) {
                slack = "SLACK".equals(c.path("provider").asText()) ? c : slack;
            }
            assertThat(slack).as("Slack's connection, as served").isNotNull();
            assertThat(slack.path("hasSigningSecret").asBoolean())
                    .as("connected again with a new token only: the signing secret given before is kept").isTrue();
            console.click(By.id("slack-test"));
            console.wait.until(ExpectedConditions.attributeToBe(outcome, "textContent", "Connected: Slack workspace Convene Test as convene-bot"));

            console.click(By.cssSelector("vaadin-button[aria-label='Test the calendar connection of " + Meetings.ADMIN + "']"));
            console.wait.until(ExpectedConditions.attributeToBe(outcome, "textContent",
                    "Connected: The Microsoft identity platform gave Convene's app a token for tenant convene-tenant"));
            // the calendar check's answer may still be on its way (a click the driver repeated): press again until the mail's shows
            console.wait.until(d -> {
                if (!d.findElement(outcome).getAttribute("textContent").startsWith("Mail: ")) {
                    console.click(By.id("mail-test"));
                }
                return d.findElement(outcome).getAttribute("textContent").contains("Mail: UP");
            });
            console.screenshot("integrations-1280x800");

            console.click(By.id("slack-disconnect"));
            console.click(By.cssSelector("vaadin-button[slot='confirm-button']"));
            console.wait.until(ExpectedConditions.attributeToBe(By.id("slack-state"), "textContent", "Not connected"));
        } finally {
            ConveneSuite.api().post("/api/integrations/third-party", admin, Map.of("provider", "MICROSOFT", "action", "DISCONNECT"));
        }
        assertThat(ConveneSuite.count("select count(*) from integration_connections where provider = 'SLACK'")).isZero();
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'integration.checked'"))
                .as("the two checks that passed").isEqualTo(checksBefore + 2);
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'integration.disconnected'"
                + " and target = 'provider:SLACK'")).isPositive();
    }

    @Test
    void anAdministratorSetsARetentionPolicyWithCheckedFieldsAndSeesADryRun() {
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        com.fasterxml.jackson.databind.JsonNode before = ConveneSuite.api().get("/api/admin/retention", admin).json();
        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/compliance");
            console.click(By.xpath("//vaadin-tab[normalize-space(.)='Retention']"));
            By report = By.id("retention-report");
            console.type(By.cssSelector("#retention-chat input"), "0");
            console.click(By.id("retention-save"));
            console.wait.until(ExpectedConditions.attributeToBe(By.id("retention-chat"), "invalid", "true"));
            assertThat(console.browser.findElement(By.id("retention-chat")).getText())
                    .contains("must be between 1 and 36500 days, or absent to keep for ever");

            console.type(By.cssSelector("#retention-chat input"), "3650");
            console.type(By.cssSelector("#retention-notifications input"), "3650");
            console.type(By.cssSelector("#retention-meeting-logs input"), "");
            console.type(By.cssSelector("#retention-recordings input"), "");
            console.click(By.id("retention-save"));
            console.wait.until(ExpectedConditions.attributeToBe(report, "textContent", "Policy saved"));
            assertThat(console.browser.findElement(By.id("retention-chat")).getAttribute("invalid")).isIn(null, "false");
            console.click(By.id("retention-dry-run"));
            console.wait.until(ExpectedConditions.attributeContains(report, "textContent", "A purge now would delete: "));
            assertThat(console.browser.findElement(report).getAttribute("textContent"))
                    .isEqualTo("A purge now would delete: 0 chat-messages, 0 chat-files, 0 notifications, 0 passcode-failures");
            console.screenshot("retention-1280x800");
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>();
            for (String field : List.of("chatDays", "notificationDays", "meetingLogDays", "recordingDays")) {
                restore.put(field, before.hasNonNull(field) ? before.get(field).asInt() : null);
            }
            assertThat(ConveneSuite.api().put("/api/admin/retention", admin, restore).status()).isEqualTo(200);
        }
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'retention.changed'"
                + " and detail = 'chat 3650, notifications 3650, meeting logs null, recordings null days'")).isPositive();
    }

    @Test
    void anAdministratorCreatesALocalUserWhoMustChooseTheirOwnPasswordFirst() {
        String email = "lena.local." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@convene.example";
        try (Console console = Console.open(1280, 800).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/users");
            console.click(By.id("new-local-user"));
            console.type(By.cssSelector("#new-user-email input"), "not-an-address");
            console.type(By.cssSelector("#new-user-name input"), "Lena Local");
            console.type(By.cssSelector("#new-user-password input"), "short");
            console.click(By.id("new-user-create"));
            console.wait.until(ExpectedConditions.attributeToBe(By.id("new-user-password"), "invalid", "true"));
            assertThat(console.browser.findElement(By.id("new-user-email")).getText()).contains("must be an e-mail address");
            assertThat(console.browser.findElement(By.id("new-user-password")).getText()).contains("must be 12 to 128 characters");

            console.type(By.cssSelector("#new-user-email input"), email);
            console.type(By.cssSelector("#new-user-password input"), "Temporary-pass-42");
            console.click(By.xpath("//vaadin-checkbox[normalize-space(.)='host']"));
            console.screenshot("new-local-user-1280x800");
            console.click(By.id("new-user-create"));
            console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-grid-cell-content[text()='" + email + "']")));
        }
        assertThat(ConveneSuite.count("select count(*) from users where email = '" + email + "' and name = 'Lena Local'")).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode account = ConveneSuite.api().get("/api/admin/accounts?search=" + email,
                ConveneSuite.tokenOf(Meetings.ADMIN)).json().get("accounts").get(0);
        assertThat(account.get("email").asText()).isEqualTo(email);
        List<String> realmRoles = new java.util.ArrayList<>();
        ConveneSuite.keycloak().get("/admin/realms/convene/users/" + account.get("subject").asText() + "/role-mappings/realm",
                ConveneSuite.masterAdminToken()).json().forEach(r -> realmRoles.add(r.get("name").asText()));
        assertThat(realmRoles).contains("host", "participant").doesNotContain("admin", "compliance-officer");
        Reply signIn = ConveneSuite.api().post("/api/users/login", null, Map.of("email", email, "password", "Temporary-pass-42"));
        assertThat(signIn.status()).as("a temporary password signs nobody in before it is changed: " + signIn).isEqualTo(401);
        assertThat(ConveneSuite.count("select count(*) from audit_entries where action = 'account.created' and detail = 'host,participant'"))
                .isPositive();
    }

    @Test
    void everyScreenNamesItsControlsForScreenReadersAndFitsANarrowWindow() {
        List<String> problems = new java.util.ArrayList<>();
        try (Console console = Console.open(500, 844).signIn(Meetings.ADMIN, ConveneSuite.demoPassword())) {
            for (String screen : List.of("dashboard", "meetings", "users", "directory", "integrations", "notifications",
                    "reports", "compliance")) {
                console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/" + screen);
                console.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h2")));
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) ((org.openqa.selenium.JavascriptExecutor) console.browser).executeScript("""
                        const problems = [];
                        const named = e => (e.getAttribute('aria-label') || e.label || e.accessibleName
                            || e.getAttribute('aria-labelledby') || e.innerText || '').trim() !== '';
                        document.querySelectorAll('vaadin-button, vaadin-text-field, vaadin-password-field,'
                            + ' vaadin-integer-field, vaadin-text-area, vaadin-select, vaadin-combo-box, vaadin-date-picker,'
                            + ' vaadin-checkbox-group, vaadin-checkbox, vaadin-grid, vaadin-progress-bar, img')
                          .forEach(e => {
                            if (e.closest('[hidden]')) return; // not shown, so not announced either
                            if (e.tagName === 'IMG' ? !e.alt : !named(e)) problems.push('unnamed ' + e.tagName.toLowerCase() + '#' + e.id);
                          });
                        const view = document.querySelector('vaadin-app-layout > :not([slot])');
                        if (view && view.scrollWidth > view.clientWidth + 1) {
                          problems.push('wider than the window by ' + (view.scrollWidth - view.clientWidth) + ' px');
                        }
                        return problems;""");
                found.forEach(p -> problems.add(screen + ": " + p));
                console.screenshot(screen + "-500x844");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aHostIsRefusedTheConsole() {
        try (Console console = Console.open(1280, 800).signIn(Meetings.HOST, ConveneSuite.demoPassword())) {
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not for you"));
            assertThat(console.browser.findElement(By.tagName("body")).getText())
                    .contains("for administrators and compliance officers").contains(Meetings.HOST);
            console.screenshot("refused-host");
        }
    }

    @Test
    void aComplianceOfficerExportsAReportOnTheReportsScreenAndDownloadsIt() throws Exception {
        try (Console console = Console.open(900, 700).signIn(Meetings.COMPLIANCE, ConveneSuite.demoPassword())) {
            console.wait.until(ExpectedConditions.urlContains("/admin/reports"));
            console.wait.until(ExpectedConditions.elementToBeClickable(By.id("export-csv"))).click();
            String href = settledHref(console, "a[id^=download-]");
            assertThat(console.browser.findElements(By.cssSelector("vaadin-progress-bar")))
                    .extracting(e -> e.getAttribute("aria-label")).contains("Progress 100 %");
            console.screenshot("reports-900x700");

            HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(href))
                    .header("Cookie", "JSESSIONID=" + console.cookie("JSESSIONID")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(file.statusCode()).isEqualTo(200);
            List<String> lines = file.body().lines().toList();
            assertThat(lines.get(0)).startsWith("Period,Starts,Department,Active users");
            assertThat(lines).anyMatch(l -> l.contains(",All departments,"));

            assertThat(console.browser.findElements(By.linkText("Dashboard"))).as("no dashboard for compliance").isEmpty();
            console.browser.get(ConveneSuite.get().settings().httpUrl() + "/admin/dashboard");
            console.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Could not navigate"));
            assertThat(console.browser.findElement(By.tagName("body")).getText()).doesNotContain("Health");
            console.screenshot("dashboard-refused-compliance");
        }
    }

    /**
     * The download link's address once the page stopped drawing it again: Vaadin gives each drawing a
     * resource address of its own and forgets the old one, so an address read between two drawings
     * answers 404. Settled: the same for three reads in a row (the page polls each second).
     */
    static String settledHref(Console console, String css) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        return console.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement link = d.findElement(By.cssSelector(css));
            seen.add(link.isDisplayed() ? link.getAttribute("href") : "");
            int n = seen.size();
            boolean settled = n >= 3 && !seen.get(n - 1).isEmpty() && seen.get(n - 1).equals(seen.get(n - 2))
                    && seen.get(n - 2).equals(seen.get(n - 3));
            return settled ? seen.get(n - 1) : null;
        });
    }
}
