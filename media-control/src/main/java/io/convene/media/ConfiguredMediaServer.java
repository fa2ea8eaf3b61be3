package io.convene.media;

import io.convene.media.janus.JanusMediaServer;
import io.convene.media.kurento.KurentoMediaServer;
import jakarta.ejb.Local;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media server Convene uses, as configuration chooses it ({@code convene.media.server}:
 * {@code janus} or {@code kurento}; by default Janus when {@code convene.media.janus-url} is set,
 * else Kurento when {@code convene.media.kurento-urls} is). The one EJB behind ejb-core's port, in
 * its own module, reached through {@code @EJB} as the Keycloak adapter is; nothing else in Convene
 * knows which adapter runs.
 */
@Singleton
@Local(MediaServer.class)
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfiguredMediaServer implements MediaServer {

    @Inject
    @ConfigProperty(name = "convene.media.server")
    Optional<String> choice;

    @Inject
    @ConfigProperty(name = "convene.media.janus-url")
    Optional<String> janusUrl;

    @Inject
    @ConfigProperty(name = "convene.media.kurento-urls")
    Optional<String> kurentoUrls;

    @Inject
    JanusMediaServer janus;

    @Inject
    KurentoMediaServer kurento;

    private MediaServer chosen() {
        String name = choice.orElse(janusUrl.isPresent() ? "janus" : kurentoUrls.isPresent() ? "kurento" : "janus");
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "janus" -> janus;
            case "kurento" -> kurento;
            default -> throw new IllegalStateException("convene.media.server is '" + name + "': say janus or kurento");
        };
    }

    @Override
    public boolean configured() {
        return chosen().configured();
    }

    @Override
    public String probe() {
        return chosen().probe();
    }

    @Override
    public void openRoom(UUID meetingId) {
        chosen().openRoom(meetingId);
    }

    @Override
    public void closeRoom(UUID meetingId) {
        chosen().closeRoom(meetingId);
    }

    @Override
    public Negotiation publish(UUID meetingId, Feed feed, String displayName, String offerSdp, Reach reach,
                               MediaListener listener) {
        return chosen().publish(meetingId, feed, displayName, offerSdp, reach, listener);
    }

    @Override
    public Negotiation subscribe(UUID meetingId, Feed feed, Reach reach, MediaListener listener) {
        return chosen().subscribe(meetingId, feed, reach, listener);
    }

    @Override
    public void start(String link, String answerSdp) {
        chosen().start(link, answerSdp);
    }

    @Override
    public void trickle(String link, IceCandidate candidate) {
        chosen().trickle(link, candidate);
    }

    @Override
    public void muteAudio(String link, boolean muted) {
        chosen().muteAudio(link, muted);
    }

    @Override
    public void chooseQuality(String link, Quality quality) {
        chosen().chooseQuality(link, quality);
    }

    @Override
    public void hangUp(String link) {
        chosen().hangUp(link);
    }

    @Override
    public List<Feed> feeds(UUID meetingId) {
        return chosen().feeds(meetingId);
    }

    @Override
    public void startRecording(UUID meetingId, UUID recordingId) {
        chosen().startRecording(meetingId, recordingId);
    }

    @Override
    public RecordedMedia finishRecording(UUID meetingId, UUID recordingId) {
        return chosen().finishRecording(meetingId, recordingId);
    }
}
