package io.convene.chat;

import io.convene.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The blob store port kept in a map, for unit tests: it takes a stream in as the stores do
 * ({@link BlobStore#copyAtMost}, refusing it past the limit and keeping nothing), and keeps the
 * keys it was asked to delete. {@link #whilePutting} runs something while a blob is being taken in
 * (another upload finishing meanwhile, say).
 */
final class InMemoryBlobs implements BlobStore {

    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private final List<Long> limits = new ArrayList<>();
    private Runnable whilePutting = () -> { };
    private int keys;

    @Override
    public Stored put(InputStream content, long maxBytes) {
        limits.add(maxBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BlobStore.copyAtMost(content, out, maxBytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runnable meanwhile = whilePutting;
        whilePutting = () -> { };
        meanwhile.run();
        String key = "blob-" + ++keys;
        blobs.put(key, out.toByteArray());
        return new Stored(key, out.size());
    }

    @Override
    public InputStream open(String key) {
        byte[] bytes = blobs.get(key);
        if (bytes == null) {
            throw new NoSuchElementException("no blob " + key);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
        deleted.add(key);
    }

    /** Runs {@code meanwhile} once, during the next put, after its bytes have arrived. */
    void whilePutting(Runnable meanwhile) {
        this.whilePutting = meanwhile;
    }

    Map<String, byte[]> held() {
        return Map.copyOf(blobs);
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** The limit each put was given, in order. */
    List<Long> limits() {
        return List.copyOf(limits);
    }
}
