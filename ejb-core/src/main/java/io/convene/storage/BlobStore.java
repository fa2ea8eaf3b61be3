package io.convene.storage;

import java.io.InputStream;

/** Where uploaded files live (chat attachments; later recordings). Keys are the store's own. */
public interface BlobStore {

    /**
     * Stores the stream, refusing it (and keeping nothing) past {@code maxBytes}.
     * @return the new blob's key and size
     */
    Stored put(InputStream content, long maxBytes);

    /** The blob's content; the caller closes it. */
    InputStream open(String key);

    void delete(String key);

    record Stored(String key, long size) {
    }
}
