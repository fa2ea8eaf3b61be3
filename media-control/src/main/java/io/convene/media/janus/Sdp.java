package io.convene.media.janus;

import java.util.ArrayList;
import java.util.List;

/** What Convene reads from an SDP: the mids of its audio sections (to mute them at the server). */
final class Sdp {

    private Sdp() {
    }

    static List<String> audioMids(String sdp) {
        List<String> mids = new ArrayList<>();
        if (sdp == null) {
            return mids;
        }
        boolean audio = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                audio = line.startsWith("m=audio");
            } else if (audio && line.startsWith("a=mid:")) {
                mids.add(line.substring("a=mid:".length()).trim());
            }
        }
        return mids;
    }
}
