package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.ConveneSuite.database;
import static io.convene.suite.ConveneSuite.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Administrators' actions and host controls land in an append-only trail that compliance reads and exports. */
class AuditIT extends SignedInPeople {

    @Test
    void adminActionsAndHostControlsAreRecordedWithWhoWhatWhereAndCanBeExported() {
        String admin = tokenOf(Meetings.ADMIN);
        String adminId = api().get("/api/users/profile", admin).text("id");
        Reply made = api().post("/api/admin/directory/directories", admin, Map.of("name", "Audited directory", "vendor", "OPENLDAP", "enabled", false));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String directory = made.text("id");
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, Meetings.draft("Audited meeting"));
        assertThat(api().post("/api/meetings/" + g.id() + "/control", host, Map.of("action", "LOCK")).status()).isIn(200, 204);

        Reply found = api().get("/api/audit?action=directory.&target=directory:" + directory, cora);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode entry = found.json().get("items").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("directory.created");
        assertThat(entry.get("actorUserId").asText()).isEqualTo(adminId);
        assertThat(entry.get("actorEmail").asText()).isEqualTo(Meetings.ADMIN);
        assertThat(entry.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(entry.get("outcome").asText()).isEqualTo("SUCCESS");
        JsonNode controls = api().get("/api/audit?meetingId=" + g.id(), admin).json().get("items");
        assertThat(controls.findValuesAsText("action")).contains("LOCK");

        assertThat(api().get("/api/audit", pablo).status()).isEqualTo(403);
        assertThat(api().get("/api/audit", host).status()).isEqualTo(403);
        assertThat(api().get("/api/audit?from=yesterday", cora).status()).isEqualTo(400);

        Reply csv = api().send("GET", "/api/audit/export?action=directory.&target=directory:" + directory, cora, null,
                Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.get(0)).startsWith("id,at,actor_user_id,actor_email,action");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(adminId).contains(",directory.created,").contains("directory:" + directory);
        String coraId = api().get("/api/users/profile", cora).text("id");
        assertThat(api().get("/api/audit?action=audit.exported&actor=" + coraId, admin).json().get("total").asLong())
                .as("the export is itself recorded").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() throws SQLException {
        assertThat(api().post("/api/admin/directory/directories", tokenOf(Meetings.ADMIN),
                Map.of("name", "Another audited one", "vendor", "OPENLDAP", "enabled", false)).status()).isEqualTo(201);
        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_entries set detail = 'rewritten'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_entries")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entries")).hasMessageContaining("permission denied");
        }
        try (Connection c = ConveneSuite.schemaOwnerDatabase(); Statement s = c.createStatement()) {
            // even the schema's owner, who may truncate its tables, meets the trigger
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_entries")).hasMessageContaining("append-only");
        }
        assertThat(ConveneSuite.count("select count(*) from audit_entries where detail = 'rewritten'")).isZero();
    }
}
