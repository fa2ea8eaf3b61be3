package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where an erasure used to stop short: export ZIPs made before it (still in the blob store, still
 * downloadable), exports past their day (never deleted), deactivated people (not found by the
 * officers who erase them), recordings (no way to delete one, nor a hold to stop that) and wrong
 * passcodes (guests' addresses kept for ever). Files are checked in the blob store's folder.
 */
class ErasureBoundariesIT extends SignedInPeople {

    /** A person registered for one test: their token and user id. */
    record Person(String email, String name, String token, String id) {
    }

    static Person register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6)
                + "@convene.example";
        Reply made = api().post("/api/users/register", null, Map.of("email", email, "password", "Boundary-pass-1", "name", name));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        LocalAccounts.markVerified(email); // as its owner following Keycloak's link: invitations to it are theirs
        Reply in = api().post("/api/users/login", null, Map.of("email", email, "password", "Boundary-pass-1"));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        String token = in.text("access_token");
        return new Person(email, name, token, api().get("/api/users/profile", token).text("id"));
    }

    /** Deactivates the person's account as an administrator does (they can no longer sign in). */
    static void deactivate(Person p) {
        String admin = tokenOf(Meetings.ADMIN);
        String subject = api().get("/api/admin/accounts?search=" + p.email(), admin).json().get("accounts").get(0)
                .get("subject").asText();
        Reply off = api().put("/api/admin/accounts/" + subject + "/enabled", admin, Map.of("enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(count("select count(*) from users where id = '" + p.id() + "' and status = 'DISABLED'")).isEqualTo(1);
    }

    /** Asks for an export and waits until it is made: the request's id. */
    static String exported(String token, Map<String, Object> body) {
        Reply queued = api().post("/api/privacy/exports", token, body);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String id = queued.text("id");
        JsonNode done = Eventually.get(() -> api().get("/api/privacy/exports/" + id, token).json(),
                r -> Set.of("DONE", "FAILED").contains(r.path("state").asText()), Duration.ofSeconds(60));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        return id;
    }

    /** The suite's blob store folder (`convene.blobs.dir`, the launcher's state folder). */
    static Path blobs() {
        return ConveneSuite.get().settings().stateDir().resolve("blobs");
    }

    static Path blob(String key) {
        return blobs().resolve(key);
    }

    static Set<String> blobNames() {
        try (Stream<Path> files = Files.list(blobs())) {
            return Set.copyOf(files.map(f -> f.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String exportBlobKey(String requestId) {
        return ConveneSuite.text("select blob_key from privacy_requests where id = '" + requestId + "'");
    }

    static void assertProblem(Reply r, int status, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("detail")).contains(detail);
    }

    @Test
    void anErasureDeletesTheExportsMadeBeforeItAndRefusesTheirDownloadAndAnyNewExport() {
        Person dora = register("Dora Departing");
        String own = exported(dora.token(), Map.of());
        String byOfficer = exported(cora, Map.of("userId", dora.id()));
        List<String> keys = List.of(exportBlobKey(own), exportBlobKey(byOfficer));
        assertThat(keys).allSatisfy(k -> assertThat(blob(k)).exists());

        Reply erased = api().post("/api/privacy/erasures", cora, Map.of("userId", dora.id()));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("certificate").path("erased").path("exports").asInt(-1)).isEqualTo(2);
        assertThat(keys).as("the ZIPs are gone from the blob store").allSatisfy(k -> assertThat(blob(k)).doesNotExist());
        assertThat(count("select count(*) from privacy_requests where subject_id = '" + dora.id() + "' and blob_key is not null"))
                .isZero();

        long downloads = count("select count(*) from audit_entries where action = 'privacy.export-downloaded'");
        assertProblem(api().get("/api/privacy/exports/" + byOfficer + "/download", cora), 409, "erasure");
        assertThat(count("select count(*) from audit_entries where action = 'privacy.export-downloaded'"))
                .as("a refused download is not a download").isEqualTo(downloads);

        String requests = "select count(*) from privacy_requests where subject_id = '" + dora.id() + "'";
        String asked = "select count(*) from audit_entries where action = 'privacy.export-requested' and target = 'user:"
                + dora.id() + "'";
        long requestsBefore = count(requests);
        long askedBefore = count(asked);
        Set<String> files = blobNames();
        assertProblem(api().post("/api/privacy/exports", cora, Map.of("userId", dora.id())), 409, "was erased");
        assertThat(count(requests)).isEqualTo(requestsBefore);
        assertThat(count(asked)).isEqualTo(askedBefore);
        assertThat(blobNames()).as("no new file").isSubsetOf(files);
    }

    @Test
    void anExportWhoseDayIsOverHasItsFileDeletedByTheMinuteClock() {
        Person ezra = register("Ezra Expiring");
        String id = exported(ezra.token(), Map.of());
        String key = exportBlobKey(id);
        assertThat(blob(key)).exists();
        ConveneSuite.execute("update privacy_requests set expires_at = now() - interval '1 minute' where id = '" + id + "'");

        Eventually.get(() -> exportBlobKey(id), k -> k == null, Duration.ofSeconds(150)); // the clock ticks once a minute
        assertThat(blob(key)).as("the expired ZIP is gone from the blob store").doesNotExist();
        assertProblem(api().get("/api/privacy/exports/" + id + "/download", ezra.token()), 409, "a day after it was made");
        assertThat(api().get("/api/privacy/exports/" + id, ezra.token()).text("state")).as("the request stays").isEqualTo("DONE");
    }

    @Test
    void complianceOfficersAndAdministratorsFindDeactivatedPeopleOthersDoNot() {
        Person levi = register("Levi Leaver");
        deactivate(levi);
        String q = "/api/search/users?q=" + levi.email().substring(0, levi.email().indexOf('@'));
        for (String officer : List.of(cora, tokenOf(Meetings.ADMIN))) {
            JsonNode hits = api().get(q, officer).json();
            assertThat(hits.findValuesAsText("email")).contains(levi.email());
            hits.forEach(h -> {
                if (h.get("email").asText().equals(levi.email())) {
                    assertThat(h.get("active").asBoolean()).as("marked as deactivated").isFalse();
                }
            });
        }
        for (String colleague : List.of(pablo, host)) {
            assertThat(api().get(q, colleague).json().findValuesAsText("email")).as("leavers stay hidden from colleagues")
                    .doesNotContain(levi.email());
        }
        JsonNode pabloFound = api().get("/api/search/users?q=pablo@conv", cora).json().get(0);
        assertThat(pabloFound.get("active").asBoolean()).isTrue();
    }

    /** A ready recording of the meeting, as the finisher leaves it: a row and its file in the blob store. */
    static String readyRecording(String meetingId, String status, String stoppedAgo) {
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try {
            Files.createDirectories(blobs());
            Files.write(blob(key), ("webm of " + id).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConveneSuite.execute("insert into recordings (id, meeting_id, started_by, started_at, stopped_at, status, blob_key, format,"
                + " size_bytes, duration_ms) select '" + id + "', '" + meetingId + "', id, now() - interval '" + stoppedAgo
                + "' - interval '1 minute', now() - interval '" + stoppedAgo + "', '" + status + "', '" + key
                + "', 'video/webm', 44, 60000 from users where email = '" + Meetings.HOST + "'");
        return id;
    }

    static String recordingBlob(String id) {
        return ConveneSuite.text("select blob_key from recordings where id = '" + id + "'");
    }

    @Test
    void theHostOrAComplianceOfficerDeletesARecordingUnlessALegalHoldKeepsIt() {
        Person hugo = register("Hugo Held");
        String meeting = Meetings.schedule(host, Meetings.with(Meetings.draft("Recorded board"), "invitees",
                List.of(hugo.email(), Meetings.PARTICIPANT), "settings", Map.of("joinBeforeHost", true))).text("id");
        assertThat(api().post("/api/meetings/" + meeting + "/join", hugo.token(), Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/meetings/" + meeting + "/join", pablo, Map.of()).status()).isEqualTo(200);
        String byHost = readyRecording(meeting, "READY", "1 hour");
        String byOfficer = readyRecording(meeting, "READY", "1 hour");
        String old = readyRecording(meeting, "READY", "3 days");
        String processing = UUID.randomUUID().toString();
        ConveneSuite.execute("insert into recordings (id, meeting_id, started_by, started_at, stopped_at, status) select '"
                + processing + "', '" + meeting + "', id, now(), now(), 'PROCESSING' from users where email = '" + Meetings.HOST + "'");
        Map<String, String> files = new HashMap<>();
        for (String r : List.of(byHost, byOfficer, old)) {
            files.put(r, recordingBlob(r));
        }
        String deletions = "select count(*) from audit_entries where action = 'RECORDING_DELETED' and target in ('recording:"
                + byHost + "', 'recording:" + byOfficer + "', 'recording:" + old + "', 'recording:" + processing + "')";

        // not theirs to delete
        assertProblem(api().delete("/api/recordings/" + byHost, pablo), 403, "host and compliance officers");
        assertProblem(api().delete("/api/recordings/" + byHost, tokenOf(Meetings.ADMIN)), 403, "host and compliance officers");
        assertProblem(api().delete("/api/recordings/" + UUID.randomUUID(), host), 404, "No such recording");
        assertProblem(api().delete("/api/recordings/" + processing, cora), 409, "still being made");

        // a legal hold on one participant keeps the meeting's recordings: from the host, the officer and retention
        assertThat(api().put("/api/privacy/holds/" + hugo.id(), cora, Map.of("reason", "Case 2026-77")).status()).isEqualTo(200);
        Reply held = api().delete("/api/recordings/" + byHost, host);
        assertProblem(held, 409, "legal hold");
        assertThat(held.text("detail")).as("the hold's reason is for compliance officers").doesNotContain("2026-77");
        assertProblem(api().delete("/api/recordings/" + byOfficer, cora), 409, "Case 2026-77");
        String admin = tokenOf(Meetings.ADMIN);
        JsonNode policy = api().get("/api/admin/retention", admin).json();
        Map<String, Object> twoDays = new HashMap<>();
        for (String field : List.of("chatDays", "notificationDays", "meetingLogDays")) {
            twoDays.put(field, policy.hasNonNull(field) ? policy.get(field).asInt() : null);
        }
        twoDays.put("recordingDays", 2);
        try {
            assertThat(api().put("/api/admin/retention", admin, twoDays).status()).isEqualTo(200);
            assertThat(api().post("/api/admin/retention/purge", admin, null).status()).isEqualTo(200);
            assertThat(count("select count(*) from recordings where id in ('" + byHost + "', '" + byOfficer + "', '" + old
                    + "', '" + processing + "')")).as("all kept while held").isEqualTo(4);
            assertThat(files.values()).allSatisfy(k -> assertThat(blob(k)).exists());
            assertThat(count(deletions)).isZero();

            assertThat(api().delete("/api/privacy/holds/" + hugo.id(), cora).status()).isEqualTo(204);
            assertThat(api().post("/api/admin/retention/purge", admin, null).status()).isEqualTo(200);
            assertThat(count("select count(*) from recordings where id = '" + old + "'")).as("released: retention takes it").isZero();
            assertThat(blob(files.get(old))).doesNotExist();
        } finally {
            twoDays.put("recordingDays", policy.hasNonNull("recordingDays") ? policy.get("recordingDays").asInt() : null);
            assertThat(api().put("/api/admin/retention", admin, twoDays).status()).isEqualTo(200);
        }

        // released: the host deletes one, the compliance officer another; each audited, each file gone
        assertThat(api().delete("/api/recordings/" + byHost, host).status()).isEqualTo(204);
        assertThat(api().delete("/api/recordings/" + byOfficer, cora).status()).isEqualTo(204);
        for (String r : List.of(byHost, byOfficer)) {
            assertThat(count("select count(*) from recordings where id = '" + r + "'")).isZero();
            assertThat(blob(files.get(r))).as("the WebM is gone from the blob store").doesNotExist();
        }
        assertThat(count("select count(*) from audit_entries a join users u on u.id = a.actor_user_id where a.action = 'RECORDING_DELETED'"
                + " and ((a.target = 'recording:" + byHost + "' and u.email = '" + Meetings.HOST + "') or (a.target = 'recording:"
                + byOfficer + "' and u.email = '" + Meetings.COMPLIANCE + "'))")).isEqualTo(2);
        assertProblem(api().delete("/api/recordings/" + byHost, host), 404, "No such recording");
        assertThat(api().get("/api/meetings/" + meeting + "/recordings", host).json().findValuesAsText("id"))
                .containsExactly(processing);
    }

    @Test
    void wrongPasscodesWithGuestsAddressesGoAfterThirtyDaysOrTheShorterMeetingLogPeriod() {
        String admin = tokenOf(Meetings.ADMIN);
        String meeting = Meetings.schedule(host, Meetings.draft("Guessed at")).text("id");
        List<String> ages = List.of("40 days", "10 days", "1 minute");
        for (int i = 0; i < ages.size(); i++) {
            ConveneSuite.execute("insert into passcode_failures (meeting_id, client_key, failed_at) values ('" + meeting
                    + "', 'address:203.0.113." + i + "', now() - interval '" + ages.get(i) + "')");
        }
        String mine = "select count(*) from passcode_failures where meeting_id = '" + meeting + "'";
        JsonNode policy = api().get("/api/admin/retention", admin).json();
        Map<String, Object> restore = new HashMap<>();
        for (String field : List.of("chatDays", "notificationDays", "meetingLogDays", "recordingDays")) {
            restore.put(field, policy.hasNonNull(field) ? policy.get(field).asInt() : null);
        }
        Map<String, Object> logsKeptForEver = new HashMap<>(restore);
        logsKeptForEver.put("meetingLogDays", null);
        try {
            assertThat(api().put("/api/admin/retention", admin, logsKeptForEver).status()).isEqualTo(200);
            Reply dry = api().post("/api/admin/retention/dry-run", admin, null);
            assertThat(dry.json().path("counts").path("passcode-failures").asInt(-1)).isGreaterThanOrEqualTo(1);
            assertThat(count(mine)).as("a dry run keeps them").isEqualTo(3);

            Reply purged = api().post("/api/admin/retention/purge", admin, null);
            assertThat(purged.json().path("counts").path("passcode-failures").asInt(-1)).isGreaterThanOrEqualTo(1);
            assertThat(count(mine)).as("meeting logs kept for ever: wrong passcodes still go after 30 days").isEqualTo(2);
            assertThat(count(mine + " and client_key = 'address:203.0.113.0'")).isZero();

            Map<String, Object> weekOfLogs = new HashMap<>(restore);
            weekOfLogs.put("meetingLogDays", 7);
            assertThat(api().put("/api/admin/retention", admin, weekOfLogs).status()).isEqualTo(200);
            api().post("/api/admin/retention/purge", admin, null);
            assertThat(count(mine)).as("a shorter meeting-log period takes them sooner").isEqualTo(1);
            assertThat(count(mine + " and client_key = 'address:203.0.113.2'")).as("the recent one still counts").isEqualTo(1);
        } finally {
            assertThat(api().put("/api/admin/retention", admin, restore).status()).isEqualTo(200);
        }
    }
}
