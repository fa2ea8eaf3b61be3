package io.convene.storage;

import java.io.InputStream;

/**
 * Where files live (chat attachments, recordings, exports): a folder ({@link FileSystemBlobStore},
 * the default) or an S3-compatible bucket ({@link S3BlobStore}), as {@link BlobStores} chooses. Keys
 * are the store's own.
 */
public interface BlobStore {

    /**
     * Stores the stream, refusing it (and keeping nothing) past {@code maxBytes}.
     * @return the new blob's key and size
     */
    Stored put(InputStream content, long maxBytes);

    /** The blob's content; the caller closes it. */
    InputStream open(String key);

    /** The blob's content from byte {@code offset} on (a player seeking in a recording); the caller closes it. */
    default InputStream open(String key, long offset) {
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (java.io.IOException e) {
            try {
                in.close();
            } catch (java.io.IOException ignored) {
                // the skip's failure is the news
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    void delete(String key);

    record Stored(String key, long size) {
    }
}
