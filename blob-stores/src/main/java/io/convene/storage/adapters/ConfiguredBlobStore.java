package io.convene.storage.adapters;

import io.convene.storage.BlobStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blob store the configuration chooses, as the {@link BlobStore} port's EJB (every module of the
 * EAR reaches it with {@code @EJB}): {@code convene.blobs.store=filesystem} (the default, a folder:
 * {@code convene.blobs.dir}) or {@code s3} (a bucket of an S3-compatible store:
 * {@code convene.blobs.s3.endpoint}, {@code .region}, {@code .bucket}, {@code .access-key},
 * {@code .secret-key}). Outside any transaction: a file is not part of one. The stores' own domain
 * errors (full, unavailable, too large) reach the caller as they are; anything else is a fault, which
 * the container logs and hands on as {@code EJBException} (an API caller gets a 500 with an incident id).
 */
@Singleton
@Local(BlobStore.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfiguredBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredBlobStore.class.getName());

    @Inject
    @ConfigProperty(name = "convene.blobs.store", defaultValue = "filesystem")
    String kind;

    @Inject
    @ConfigProperty(name = "convene.blobs.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "convene.blobs.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "convene.blobs.s3.bucket", defaultValue = "convene")
    String bucket;

    @Inject
    @ConfigProperty(name = "convene.blobs.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "convene.blobs.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    FileSystemBlobStore files;

    private BlobStore chosen;

    @PostConstruct
    void choose() {
        if (!"s3".equalsIgnoreCase(kind.trim())) {
            chosen = files;
            return;
        }
        String url = endpoint.orElseThrow(() -> new IllegalStateException("convene.blobs.store=s3 needs convene.blobs.s3.endpoint"));
        LOG.info(() -> "Blobs are kept in bucket " + bucket + " at " + url);
        chosen = new S3BlobStore(URI.create(url), region, bucket, accessKey.orElse(""), secretKey.orElse(""), Clock.systemUTC());
    }

    @Override
    public Stored put(InputStream content, long maxBytes) {
        return chosen.put(content, maxBytes);
    }

    @Override
    public InputStream open(String key) {
        return chosen.open(key);
    }

    @Override
    public InputStream open(String key, long offset) {
        return chosen.open(key, offset);
    }

    @Override
    public void delete(String key) {
        chosen.delete(key);
    }
}
