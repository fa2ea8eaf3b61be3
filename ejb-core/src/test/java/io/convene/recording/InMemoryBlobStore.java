package io.convene.recording;

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

/** The blob store kept in a map, for unit tests: it refuses a blob past its limit as every store does, and notes deletions. */
final class InMemoryBlobStore implements BlobStore {

    final Map<String, byte[]> blobs = new LinkedHashMap<>();
    final List<String> deleted = new ArrayList<>();
    private RuntimeException failing;
    private int keys;

    /** Every request from now on fails with this. */
    void failing(RuntimeException failure) {
        this.failing = failure;
    }

    /** Keeps the content as if stored by an earlier {@link #put}. */
    String holding(byte[] content) {
        String key = "blob-" + ++keys;
        blobs.put(key, content);
        return key;
    }

    @Override
    public Stored put(InputStream content, long maxBytes) {
        if (failing != null) {
            throw failing;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            long size = BlobStore.copyAtMost(content, out, maxBytes, null);
            return new Stored(holding(out.toByteArray()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) {
        if (failing != null) {
            throw failing;
        }
        byte[] content = blobs.get(key);
        if (content == null) {
            throw new IllegalArgumentException("no blob " + key);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public void delete(String key) {
        if (failing != null) {
            throw failing;
        }
        blobs.remove(key);
        deleted.add(key);
    }
}
