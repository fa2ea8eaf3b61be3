package io.convene.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blobs as files in one folder ({@code convene.blobs.dir}), written to a temporary name and moved
 * into place only when complete and within the limit. The default store ({@link BlobStores}).
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(FileSystemBlobStore.class) // the BlobStore itself comes from BlobStores
public class FileSystemBlobStore implements BlobStore {

    @Inject
    @ConfigProperty(name = "convene.blobs.dir", defaultValue = "convene-blobs")
    String dir;

    @Override
    public Stored put(InputStream content, long maxBytes) {
        Path root = root();
        String key = UUID.randomUUID().toString();
        Path partial = root.resolve(key + ".partial");
        long size;
        try (OutputStream out = Files.newOutputStream(partial)) {
            size = BlobStore.copyAtMost(content, out, maxBytes, null);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        try {
            Files.move(partial, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(key, size);
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
            throw new UncheckedIOException("Cannot create the blob folder " + dir, e);
        }
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
