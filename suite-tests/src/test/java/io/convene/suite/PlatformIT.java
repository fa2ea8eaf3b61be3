package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics (with the scrape token) and the API document, as an operator or a client generator sees them. */
class PlatformIT {

    @Test
    void readinessChecksTheDatabase() {
        Reply ready = api().get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text("status")).isEqualTo("UP");
        assertThat(ready.json().get("checks").findValuesAsText("name")).contains("database");
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
