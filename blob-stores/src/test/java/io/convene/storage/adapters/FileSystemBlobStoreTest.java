package io.convene.storage.adapters;

import io.convene.storage.BlobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.StorageFullException;
import io.convene.shared.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-system blob store on a real folder: what is put comes back; a folder that cannot take
 * files is said as such (503, nothing left behind), and a full disk as full (507) — the latter
 * with the kernel's own "no space" from {@code /dev/full}.
 */
class FileSystemBlobStoreTest {

    @TempDir
    Path temp;

    private FileSystemBlobStore storeIn(Path folder) {
        FileSystemBlobStore store = new FileSystemBlobStore();
        store.dir = folder.toString();
        return store;
    }

    @Test
    void whatIsPutComesBackAndDeletedIsGone() throws IOException {
        FileSystemBlobStore store = storeIn(temp.resolve("blobs"));
        BlobStore.Stored stored = store.put(new ByteArrayInputStream("minutes".getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(stored.size()).isEqualTo(7);
        try (InputStream in = store.open(stored.key())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("minutes");
        }
        store.delete(stored.key());
        assertThat(temp.resolve("blobs")).isEmptyDirectory();
    }

    @Test
    void aFolderThatCannotTakeFilesIsOutOfServiceNotAnInternalError() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("blobs"), "an unmounted volume's mount point, say");
        assertThatThrownBy(() -> storeIn(notAFolder).put(new ByteArrayInputStream(new byte[10]), 100))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("nothing was kept");
        assertThat(Files.readString(notAFolder)).startsWith("an unmounted");
    }

    @Test
    void aFullDiskIsSaidToBeFull() {
        IOException noSpace = null;
        try (OutputStream full = Files.newOutputStream(Path.of("/dev/full"))) {
            full.write(new byte[4096]);
            full.flush();
        } catch (IOException e) {
            noSpace = e;
        }
        assertThat(noSpace).as("the kernel's /dev/full refuses every write").isNotNull();
        assertThat(FileSystemBlobStore.refusal(temp, noSpace)).isInstanceOf(StorageFullException.class)
                .hasMessageContaining("no room left");
        assertThat(FileSystemBlobStore.refusal(temp, new java.nio.file.AccessDeniedException(temp.toString())))
                .isInstanceOf(UnavailableException.class);
    }
}
