package io.convene.media.janus;

import io.convene.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Convene reads from an SDP: the mids of its audio sections (to mute them at the server) or
 * video ones (to choose their layer), and a publication's streams as another Janus is told them.
 */
final class Sdp {

    private static final Map<String, String> EXTENSIONS = Map.of(
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "audiolevel_ext_id",
            "urn:3gpp:video-orientation", "videoorient_ext_id",
            "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay", "playoutdelay_ext_id");

    private Sdp() {
    }

    /** @param media {@code audio} or {@code video} */
    static List<String> mids(String sdp, String media) {
        return sections(sdp).stream().filter(s -> s.media().equals(media) && s.mid() != null).map(Section::mid).toList();
    }

    /**
     * A publication's audio and video streams as VideoRoom's {@code add_remote_publisher} takes them:
     * from Janus's answer (what it receives: mid, codec, extensions), simulcast from the browser's
     * offer (its layers).
     */
    static JsonArray streams(String answer, String offer) {
        List<Section> offered = sections(offer);
        JsonArrayBuilder streams = Jsons.createArrayBuilder();
        List<Section> answered = sections(answer);
        for (int mindex = 0; mindex < answered.size(); mindex++) {
            Section s = answered.get(mindex);
            if (!s.media().equals("audio") && !s.media().equals("video") || s.mid() == null) {
                continue;
            }
            JsonObjectBuilder stream = Jsons.createObjectBuilder().add("type", s.media()).add("mindex", mindex)
                    .add("mid", s.mid());
            if (s.port() == 0 || s.codec() == null) {
                streams.add(stream.add("disabled", true));
                continue;
            }
            stream.add("codec", s.codec());
            s.extensions().forEach(stream::add);
            boolean simulcast = offered.stream().anyMatch(o -> s.mid().equals(o.mid()) && o.simulcast());
            if (simulcast) {
                stream.add("simulcast", true);
            }
            streams.add(stream);
        }
        return streams.build();
    }

    /** One media section: its kind, port, mid, first codec, the extensions VideoRoom knows, whether layers are sent. */
    private record Section(String media, int port, String mid, String codec, Map<String, Integer> extensions,
                           boolean simulcast) {
    }

    private static List<Section> sections(String sdp) {
        List<Section> sections = new ArrayList<>();
        if (sdp == null) {
            return sections;
        }
        String[] m = null;
        String mid = null;
        boolean simulcast = false;
        Map<String, String> codecs = new HashMap<>();
        Map<String, Integer> extensions = new HashMap<>();
        for (String line : (sdp + "\nm=end 0 none").split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (m != null) {
                    String codec = m.length > 3 ? codecs.get(m[3]) : null;
                    sections.add(new Section(m[0].substring(2), Integer.parseInt(m[1].split("/")[0]), mid, codec,
                            Map.copyOf(extensions), simulcast));
                }
                m = line.split(" ");
                mid = null;
                simulcast = false;
                codecs.clear();
                extensions.clear();
            } else if (m == null) {
                continue;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).trim();
            } else if (line.startsWith("a=simulcast:")) {
                simulcast = true;
            } else if (line.startsWith("a=rtpmap:")) {
                String[] map = line.substring("a=rtpmap:".length()).split(" ", 2);
                if (map.length == 2) {
                    codecs.put(map[0], map[1].split("/")[0].trim().toLowerCase(Locale.ROOT));
                }
            } else if (line.startsWith("a=extmap:")) {
                String[] ext = line.substring("a=extmap:".length()).split(" ");
                String name = ext.length > 1 ? EXTENSIONS.get(ext[1].trim()) : null;
                if (name != null) {
                    extensions.put(name, Integer.parseInt(ext[0].split("/")[0]));
                }
            }
        }
        return sections;
    }
}
