package io.convene.storage.adapters;

import io.convene.storage.BlobStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.convene.shared.DomainException;
import io.convene.shared.StorageFullException;
import io.convene.shared.UnavailableException;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files in one folder ({@code convene.blobs.dir}), written to a temporary name and moved
 * into place only when complete and within the limit. The default store ({@link ConfiguredBlobStore}).
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(FileSystemBlobStore.class) // the BlobStore itself is ConfiguredBlobStore
public class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class.getName());

    @Inject
    @ConfigProperty(name = "convene.blobs.dir", defaultValue = "convene-blobs")
    String dir;

    @Override
    public Stored put(InputStream content, long maxBytes) {
        Path root = root();
        String key = UUID.randomUUID().toString();
        Path partial = root.resolve(key + ".partial");
        long size;
        try (OutputStream out = new FolderStream(Files.newOutputStream(partial))) {
            size = BlobStore.copyAtMost(content, out, maxBytes, null);
        } catch (FolderStream.Refused e) {
            deleteQuietly(partial);
            throw refusal(root, e.getCause());
        } catch (java.nio.file.FileSystemException e) { // the folder would not take the file at all
            deleteQuietly(partial);
            throw refusal(root, e);
        } catch (IOException e) { // reading what is uploaded
            deleteQuietly(partial);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        try {
            Files.move(partial, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw refusal(root, e);
        }
        return new Stored(key, size);
    }

    /** The file being written: its failures are the folder's (full, read-only), told apart from the upload's. */
    private static final class FolderStream extends java.io.FilterOutputStream {

        static final class Refused extends RuntimeException {
            Refused(IOException cause) {
                super(cause);
            }

            @Override
            public synchronized IOException getCause() {
                return (IOException) super.getCause();
            }
        }

        FolderStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new Refused(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new Refused(e);
            }
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(root().resolve(checked(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        deleteQuietly(root().resolve(checked(key)));
    }

    private Path root() {
        try {
            return Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw refusal(Path.of(dir), e);
        }
    }

    /**
     * The folder refused a write: said to the operator (WARNING, with the folder and the system's
     * reason) and to the caller as what it means for them — full (507) or out of service (503).
     */
    static DomainException refusal(Path folder, IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                ? f.getFile() + ": " + f.getReason() : String.valueOf(e.getMessage());
        LOG.warning(() -> "The blob folder " + folder.toAbsolutePath() + " refused a write (" + e.getClass().getSimpleName()
                + ": " + reason + "); nothing was kept");
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return new StorageFullException("There is no room left to keep files; nothing was kept. An administrator has to "
                    + "make room");
        }
        return new UnavailableException("Files cannot be kept just now (the file store refuses them); nothing was kept, "
                + "try again later");
    }

    private static String checked(String key) {
        return UUID.fromString(key).toString();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
