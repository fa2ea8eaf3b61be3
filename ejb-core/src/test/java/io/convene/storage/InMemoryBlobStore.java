package io.convene.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blob store port kept in a map, for unit tests: it takes a stream in as every store does
 * ({@link BlobStore#copyAtMost}, refusing it past the limit and keeping nothing), names blobs
 * {@code blob-1}, {@code blob-2} ... and notes the keys it was asked to delete. A test may make it
 * fail altogether ({@link #failing}), refuse to delete some keys ({@link #stuck}), or run something
 * while a blob is being taken in ({@link #whilePutting}).
 */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private final List<Long> limits = new ArrayList<>();
    private final Set<String> stuck = new HashSet<>();
    private Runnable whilePutting = () -> { };
    private RuntimeException failing;
    private int keys;

    /** Every request from now on fails with this. */
    public void failing(RuntimeException failure) {
        this.failing = failure;
    }

    /** Deleting this key fails (the store is down for it). */
    public void stuck(String key) {
        stuck.add(key);
    }

    /** Runs {@code meanwhile} once, during the next put, after its bytes have arrived. */
    public void whilePutting(Runnable meanwhile) {
        this.whilePutting = meanwhile;
    }

    /** Keeps the content as if stored by an earlier {@link #put}; answers its key. */
    public String holding(byte[] content) {
        String key = "blob-" + ++keys;
        blobs.put(key, content);
        return key;
    }

    /** Keeps a blob under this key, as another context stored it. */
    public void keep(String key, String content) {
        blobs.put(key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The blobs held now, by key. */
    public Map<String, byte[]> held() {
        return Map.copyOf(blobs);
    }

    /** The keys held now, in the order they came. */
    public List<String> keys() {
        return List.copyOf(blobs.keySet());
    }

    public boolean has(String key) {
        return blobs.containsKey(key);
    }

    /** The content under this key (null: none). */
    public byte[] content(String key) {
        return blobs.get(key);
    }

    /** The keys deleted, in order. */
    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** The limit each put was given, in order. */
    public List<Long> limits() {
        return List.copyOf(limits);
    }

    @Override
    public Stored put(InputStream content, long maxBytes) {
        if (failing != null) {
            throw failing;
        }
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
        return new Stored(holding(out.toByteArray()), out.size());
    }

    @Override
    public InputStream open(String key) {
        if (failing != null) {
            throw failing;
        }
        byte[] content = blobs.get(key);
        if (content == null) {
            throw new IllegalStateException("No blob " + key);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public void delete(String key) {
        if (failing != null) {
            throw failing;
        }
        if (stuck.contains(key)) {
            throw new IllegalStateException("The store did not answer for " + key);
        }
        blobs.remove(key);
        deleted.add(key);
    }
}
