package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics (with the scrape token) and the API document, as an operator or a client generator sees them. */
class PlatformIT {

    @Test
    void readinessChecksEachPartANodeNeeds() {
        Reply ready = api().get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("UP");
        assertThat(ready.json().get("checks").findValuesAsText("name")).contains("database", "keycloak", "broker", "media");
        assertThat(ready.raw()).as("a public check tells states, not addresses").doesNotContain("127.0.0.1");
    }

    @Test
    void metricsAreOnForTheScraper() {
        String token = java.util.Base64.getEncoder().encodeToString(("metrics:" + System.getProperty("convene.metrics.token"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Reply metrics = api().send("GET", "/metrics", null, null, Map.of("Accept", "text/plain",
                "Authorization", "Basic " + token));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).isNotBlank();
        assertThat(metrics.raw()).as("what a cluster scales on (docs/kubernetes.md)").containsPattern("convene_channel_sockets\\{[^}]*\\} \\d");
    }

    @Test
    void theProductsFiguresAreOnTheScrapeAndMoveWithWhatHappens() {
        String host = ConveneSuite.tokenOf(Meetings.HOST);
        String pablo = ConveneSuite.tokenOf(Meetings.PARTICIPANT);
        String cora = ConveneSuite.tokenOf(Meetings.COMPLIANCE);
        String before = scrape();
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, Meetings.draft("Counted"));
        assertThat(ClusterIT.chat(api(), g.id(), pablo, "counted").status()).isEqualTo(201);
        String after = scrape();
        assertThat(figure(after, "convene_joins_total") - figure(before, "convene_joins_total")).as("three joins").isEqualTo(3);
        assertThat(figure(after, "convene_chat_messages_total") - figure(before, "convene_chat_messages_total")).isEqualTo(1);
        assertThat(figure(after, "convene_participants_present")).isGreaterThanOrEqualTo(3);
        // the invitations of the meeting are still being sent: the scrape and the database agree once they are
        for (Map.Entry<String, String> gauge : Map.of("convene_meetings_live", "select count(*) from meetings where status = 'LIVE'",
                "convene_notifications_sent", "select coalesce(sum(sent), 0) from notification_sent").entrySet()) {
            Eventually.get(() -> figure(scrape(), gauge.getKey()) == ConveneSuite.count(gauge.getValue()), agree -> agree,
                    java.time.Duration.ofSeconds(30));
        }
        for (String name : List.of("convene_notifications_dead_letters", "convene_directory_sync_seconds", "convene_recordings_bytes")) {
            assertThat(figure(after, name)).as(name).isNotNaN().isGreaterThanOrEqualTo(0);
        }
    }

    /** The scrape, as Prometheus reads it with its token. */
    static String scrape() {
        String token = java.util.Base64.getEncoder().encodeToString(("metrics:" + System.getProperty("convene.metrics.token"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Reply metrics = api().send("GET", "/metrics", null, null, Map.of("Accept", "text/plain", "Authorization", "Basic " + token));
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.raw();
    }

    /** One figure of the scrape. */
    static double figure(String scrape, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)").matcher(scrape);
        assertThat(m.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theGrafanaDashboardAsksForMetricsThatAreServed() throws java.io.IOException {
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/grafana-dashboard.json"));
        java.util.Set<String> asked = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode panel : Api.JSON.readTree(dashboard).get("panels")) {
            for (com.fasterxml.jackson.databind.JsonNode target : panel.get("targets")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("convene_[a-z_]+").matcher(target.get("expr").asText());
                while (m.find()) {
                    asked.add(m.group());
                }
            }
        }
        assertThat(asked).hasSizeGreaterThanOrEqualTo(10);
        String scrape = scrape();
        assertThat(asked).allSatisfy(metric -> assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "\\{"));
    }

    @Test
    void theApplicationsKeysAreKeptWrappedBySecretOutsideTheDatabase() {
        String host = ConveneSuite.tokenOf(Meetings.HOST);
        Reply sealed = Meetings.schedule(host, Meetings.with(Meetings.draft("Sealed passcode"), "passcode", "481516"));
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        assertThat(ConveneSuite.count("select count(*) from app_secrets where name = 'sealing'")).isEqualTo(1);
        assertThat(ConveneSuite.count("select count(*) from app_secrets where value not like 'wrapped:v1:%'"))
                .as("no key in the database opens anything without convene.secrets.key").isZero();
    }

    @Test
    void logFilesCarryNoColourCodes() throws java.io.IOException {
        java.nio.file.Path logs = ConveneSuite.get().settings().stateDir().resolve("logs");
        for (String log : List.of("payara.log", "keycloak.log")) {
            String text = java.nio.file.Files.readString(logs.resolve(log));
            assertThat(text).as(log).isNotBlank().doesNotContain("\u001b[");
        }
    }

    @Test
    void theOpenApiDocumentListsEveryEndpoint() {
        Reply doc = api().send("GET", "/openapi", null, null, Map.of("Accept", "application/json"));
        assertThat(doc.status()).isEqualTo(200);
        List<String> paths = List.of("/users/register", "/users/login", "/users/profile", "/users/logout",
                "/users/profile/picture", "/users/{id}/picture",
                "/meetings/schedule", "/meetings/{id}/edit", "/meetings/{id}", "/meetings/upcoming", "/meetings/past",
                "/meetings/availability", "/meetings/{id}/answer", "/meetings/{id}/entry",
                "/meetings/{id}/details", "/meetings/{id}/join", "/meetings/{id}/leave", "/meetings/{id}/control",
                "/meetings/{id}/events", "/meetings/{id}/audio/toggle", "/meetings/{id}/video/toggle",
                "/meetings/{id}/screen-share/start", "/meetings/{id}/screen-share/stop", "/meetings/{id}/ice-servers",
                "/meetings/{id}/record/start", "/meetings/{id}/record/stop", "/meetings/{id}/recordings", "/recordings/{id}",
                "/recordings/{id}/sharing", "/recordings/{id}/playback", "/recordings/{id}/download", "/recordings",
                "/recordings/{id}/ticket", "/recordings/{id}/stream",
                "/meetings/{id}/chat/send",
                "/meetings/{id}/chat/messages", "/meetings/{id}/chat/messages/{messageId}/reactions",
                "/meetings/{id}/chat/messages/{messageId}/reactions/{emoji}", "/meetings/{id}/chat/attachments",
                "/meetings/{id}/chat/attachments/{attachmentId}", "/meetings/{id}/hand/raise", "/meetings/{id}/hand/lower",
                "/meetings/{id}/hands", "/meetings/{id}/reactions", "/meetings/{id}/polls", "/meetings/{id}/polls/{pollId}/vote",
                "/meetings/{id}/polls/{pollId}/close", "/meetings/{id}/questions", "/meetings/{id}/questions/{questionId}/upvote",
                "/meetings/{id}/questions/{questionId}/answer", "/meetings/{id}/questions/{questionId}/dismiss",
                "/meetings/{id}/whiteboard/create", "/meetings/{id}/whiteboard/update", "/meetings/{id}/whiteboard",
                "/meetings/{id}/whiteboard/lock", "/meetings/{id}/whiteboard/unlock", "/meetings/{id}/whiteboard/export",
                "/meetings/{id}/breakouts", "/meetings/{id}/breakouts/assign", "/meetings/{id}/breakouts/open",
                "/meetings/{id}/breakouts/move", "/meetings/{id}/breakouts/broadcast", "/meetings/{id}/breakouts/close",
                "/meetings/{id}/breakouts/help",
                "/notifications/list", "/notifications/{id}/read", "/notifications/read-all", "/notifications/ticket",
                "/integrations/calendars/{provider}/authorize", "/integrations/calendars/callback",
                "/notifications/subscriptions", "/notifications/subscribe", "/notifications/unsubscribe",
                "/admin/notifications/dead-letters", "/admin/notifications/dead-letters/{id}/replay",
                "/admin/notifications/dead-letters/{id}", "/integrations", "/integrations/third-party", "/integrations/slack/commands", "/integrations/calendar/sync",
                "/admin/webhooks", "/admin/webhooks/{id}", "/admin/webhooks/{id}/deliveries",
                "/admin/directory/presets", "/admin/directory/directories", "/admin/directory/directories/{id}",
                "/admin/directory/directories/{id}/test", "/admin/directory/directories/{id}/preview",
                "/admin/directory/directories/{id}/sync", "/admin/directory/directories/{id}/runs",
                "/admin/directory/runs/{runId}", "/admin/directory/orphaned-meetings",
                "/admin/accounts", "/admin/accounts/{subject}/sessions", "/admin/accounts/{subject}/roles",
                "/admin/accounts/{subject}/logout", "/admin/accounts/{subject}/enabled",
                "/admin/accounts/{subject}/reset-password",
                "/analytics/meetings/{id}", "/analytics/usage", "/reports/usage", "/reports/usage/{id}",
                "/reports/usage/{id}/download", "/search/users", "/search/meetings", "/search/messages",
                "/audit", "/audit/export", "/privacy/exports", "/privacy/exports/{id}", "/privacy/exports/{id}/download",
                "/privacy/erasures", "/privacy/holds", "/privacy/holds/{userId}",
                "/admin/retention", "/admin/retention/dry-run", "/admin/retention/purge");
        assertThat(doc.json().get("paths").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(paths);
    }

    @Test
    void unknownPathsAndMethodsAnswerWithProblems() {
        String token = ConveneSuite.tokenOf(Meetings.HOST);
        Reply unknown = api().get("/api/nothing-here", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Reply wrongMethod = api().get("/api/meetings/schedule", token);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }
}
