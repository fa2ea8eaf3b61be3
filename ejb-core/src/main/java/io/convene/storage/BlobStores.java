package io.convene.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blob store configuration chooses: {@code convene.blobs.store=filesystem} (the default, a
 * folder: {@code convene.blobs.dir}) or {@code s3} (a bucket of an S3-compatible store:
 * {@code convene.blobs.s3.endpoint}, {@code .region}, {@code .bucket}, {@code .access-key},
 * {@code .secret-key}).
 */
@ApplicationScoped
public class BlobStores {

    private static final Logger LOG = Logger.getLogger(BlobStores.class.getName());

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

    @Inject
    Clock clock;

    @Produces
    @ApplicationScoped
    BlobStore store() {
        if (!"s3".equalsIgnoreCase(kind.trim())) {
            return files;
        }
        String url = endpoint.orElseThrow(() -> new IllegalStateException("convene.blobs.store=s3 needs convene.blobs.s3.endpoint"));
        LOG.info(() -> "Blobs are kept in bucket " + bucket + " at " + url);
        return new S3BlobStore(URI.create(url), region, bucket, accessKey.orElse(""), secretKey.orElse(""), clock);
    }
}
