package io.convene.media.janus;

import java.util.ArrayList;
import java.util.List;

/** What Convene reads from an SDP: the mids of its audio sections (to mute them at the server) or video ones (to choose their layer). */
final class Sdp {

    private Sdp() {
    }

    /** @param media {@code audio} or {@code video} */
    static List<String> mids(String sdp, String media) {
        List<String> mids = new ArrayList<>();
        if (sdp == null) {
            return mids;
        }
        boolean wanted = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                wanted = line.startsWith("m=" + media + " ");
            } else if (wanted && line.startsWith("a=mid:")) {
                mids.add(line.substring("a=mid:".length()).trim());
            }
        }
        return mids;
    }
}
