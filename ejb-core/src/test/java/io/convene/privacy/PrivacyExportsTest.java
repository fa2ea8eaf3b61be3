package io.convene.privacy;

import static io.convene.privacy.PrivacyWorld.NOW;
import static io.convene.privacy.PrivacyWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.user.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A person's export made in the background: what its ZIP holds, and what becomes of it when something goes wrong. */
class PrivacyExportsTest {

    private final PrivacyWorld world = new PrivacyWorld();
    private final User ann = world.person("ann");
    private final User bob = world.person("bob");

    @Test
    void anExportHoldsEachKeepersRecordsAndFilesWithAnIndexAndIsThenDone() throws IOException {
        world.chat.addWithFile(ann.id(), "see the plan", NOW.minus(Duration.ofDays(2)), "blob-plan");
        world.chat.add(ann.id(), "thanks", NOW.minus(Duration.ofDays(1)));
        world.chat.add(bob.id(), "bob's own", NOW.minus(Duration.ofDays(1)));
        UUID id = exportOfAnn();
        world.clock.advance(Duration.ofMinutes(3));

        world.exports.run(id);

        PrivacyRequest r = world.requests.byId(id).orElseThrow();
        assertThat(r.state()).isEqualTo(PrivacyRequest.State.DONE);
        assertThat(r.progress()).isEqualTo(100);
        assertThat(r.finishedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        byte[] zip = world.blobs.content(r.blobKey());
        assertThat(r.sizeBytes()).isEqualTo(zip.length);

        Map<String, String> entries = entries(zip);
        assertThat(entries.keySet()).as("in the keepers' order, the index last")
                .containsExactly("notifications.json", "chat-messages.json", "chat-messages/blob-plan", "index.html");
        assertThat(entries.get("chat-messages.json")).contains("see the plan", "thanks").doesNotContain("bob's own");
        assertThat(entries.get("chat-messages/blob-plan")).isEqualTo("the file see the plan");
        assertThat(entries.get("index.html")).contains("Export " + id)
                .contains("<td>The chat-messages you wrote</td><td>2</td>")
                .contains("<td>The notifications you wrote</td><td>0</td>");
        assertThat(world.calls).containsExactly("notifications export", "chat-messages export");
    }

    @Test
    void anExportThatCannotBeMadeFailsInWordsAndStoresNothing() {
        world.chat.whileExporting(() -> {
            throw new IOException("chat store unreadable");
        });
        UUID id = exportOfAnn();

        world.exports.run(id);

        PrivacyRequest r = world.requests.byId(id).orElseThrow();
        assertThat(r.state()).isEqualTo(PrivacyRequest.State.FAILED);
        assertThat(r.error()).isEqualTo("The export could not be made: chat store unreadable");
        assertThat(world.blobs.keys()).isEmpty();
    }

    @Test
    void anExportWhosePersonWasErasedWhileItWasMadeIsDroppedWithItsFile() {
        world.chat.whileExporting(ann::erase);
        UUID id = exportOfAnn();

        world.exports.run(id);

        PrivacyRequest r = world.requests.byId(id).orElseThrow();
        assertThat(r.state()).isEqualTo(PrivacyRequest.State.FAILED);
        assertThat(world.blobs.deleted()).hasSize(1);
        assertThat(world.blobs.keys()).isEmpty();
    }

    @Test
    void anExportAlreadyTakenIsNotMadeTwice() {
        UUID id = exportOfAnn();
        world.exports.run(id);
        world.calls.clear();

        world.exports.run(id);

        assertThat(world.calls).isEmpty();
        assertThat(world.blobs.keys()).hasSize(1);
    }

    private UUID exportOfAnn() {
        return world.service.requestExport(callerOf(ann), null).id();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
