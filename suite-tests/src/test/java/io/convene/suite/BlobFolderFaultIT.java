package io.convene.suite;

import static io.convene.suite.ConveneSuite.count;
import static io.convene.suite.Meetings.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The folder Convene keeps files in goes out of service under it (here: its volume gone, a plain
 * file where the folder was): an upload is refused with 503 and a problem+json body that says files
 * cannot be kept, not a 500, and nothing of it is recorded; with the folder back, uploads work and
 * what was kept before is still there.
 */
class BlobFolderFaultIT extends SignedInPeople {

    @Test
    void anUploadToAFolderOutOfServiceIsRefusedWith503AndNothingRecorded() throws Exception {
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("Files while the folder is away"));
        HttpResponse<String> before = upload(g.id(), "before.txt");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
        String keptBefore = Api.JSON.readTree(before.body()).get("id").asText();
        long rows = count("select count(*) from chat_attachments where meeting_id = '" + g.id() + "'");

        Path folder = ConveneSuite.get().settings().stateDir().resolve("blobs");
        Path aside = folder.resolveSibling("blobs-aside");
        Files.move(folder, aside);
        try {
            Files.writeString(folder, "not a folder");
            HttpResponse<String> refused = upload(g.id(), "during.txt");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Api.JSON.readTree(refused.body()).get("detail").asText()).contains("Files cannot be kept");
            assertThat(count("select count(*) from chat_attachments where meeting_id = '" + g.id() + "'"))
                    .as("nothing recorded of the refused upload").isEqualTo(rows);
        } finally {
            Files.deleteIfExists(folder);
            Files.move(aside, folder);
        }

        HttpResponse<String> after = upload(g.id(), "after.txt");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                ConveneSuite.get().settings().httpUrl() + "/api/meetings/" + g.id() + "/chat/attachments/" + keptBefore))
                .header("Authorization", "Bearer " + pablo).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.body()).isEqualTo("kept in before.txt");
    }

    private HttpResponse<String> upload(String meetingId, String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ConveneSuite.get().settings().httpUrl()
                        + "/api/meetings/" + meetingId + "/chat/attachments"))
                .header("Authorization", "Bearer " + pablo).header("Content-Type", "text/plain").header("X-File-Name", name)
                .POST(HttpRequest.BodyPublishers.ofString("kept in " + name, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
