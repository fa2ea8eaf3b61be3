package io.convene.privacy;

import io.convene.storage.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The blob store in memory: what is stored, what was deleted; some keys can be made to refuse deletion. */
final class InMemoryBlobs implements BlobStore {

    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private final Set<String> stuck = new HashSet<>();
    private int made;

    /** Keeps a blob under this key, as another context stored it. */
    void keep(String key, String content) {
        blobs.put(key, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Deleting this key fails (the store is down for it). */
    void stuck(String key) {
        stuck.add(key);
    }

    boolean has(String key) {
        return blobs.containsKey(key);
    }

    byte[] content(String key) {
        return blobs.get(key);
    }

    List<String> keys() {
        return List.copyOf(blobs.keySet());
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public Stored put(InputStream content, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BlobStore.copyAtMost(content, out, maxBytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = "blob-" + ++made;
        blobs.put(key, out.toByteArray());
        return new Stored(key, out.size());
    }

    @Override
    public InputStream open(String key) {
        byte[] content = blobs.get(key);
        if (content == null) {
            throw new IllegalStateException("No blob " + key);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public void delete(String key) {
        if (stuck.contains(key)) {
            throw new IllegalStateException("The store did not answer for " + key);
        }
        blobs.remove(key);
        deleted.add(key);
    }
}
