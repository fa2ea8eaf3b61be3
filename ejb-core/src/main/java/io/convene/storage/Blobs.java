package io.convene.storage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;

/** The blob store as an EJB, for the other modules (in the EAR they reach ejb-core's beans only as EJBs). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Blobs {

    @Inject
    BlobStore store;

    public BlobStore.Stored put(InputStream content, long maxBytes) {
        return store.put(content, maxBytes);
    }

    public InputStream open(String key) {
        return store.open(key);
    }

    public void delete(String key) {
        store.delete(key);
    }
}
