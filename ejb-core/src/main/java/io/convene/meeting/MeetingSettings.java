package io.convene.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How participants enter (camera and microphone on entry, whether they may join before the host)
 * and whether several may share their screens at once.
 */
@Embeddable
public class MeetingSettings {

    @Column(name = "video_on_entry", nullable = false)
    private boolean videoOnEntry;

    @Column(name = "audio_on_entry", nullable = false)
    private boolean audioOnEntry;

    @Column(name = "join_before_host", nullable = false)
    private boolean joinBeforeHost;

    @Column(name = "several_screen_shares", nullable = false)
    private boolean severalScreenShares;

    @Column(name = "webinar", nullable = false)
    private boolean webinar;

    protected MeetingSettings() {
    }

    public MeetingSettings(boolean videoOnEntry, boolean audioOnEntry, boolean joinBeforeHost) {
        this(videoOnEntry, audioOnEntry, joinBeforeHost, false);
    }

    public MeetingSettings(boolean videoOnEntry, boolean audioOnEntry, boolean joinBeforeHost,
                           boolean severalScreenShares) {
        this(videoOnEntry, audioOnEntry, joinBeforeHost, severalScreenShares, false);
    }

    public MeetingSettings(boolean videoOnEntry, boolean audioOnEntry, boolean joinBeforeHost,
                           boolean severalScreenShares, boolean webinar) {
        this.videoOnEntry = videoOnEntry;
        this.audioOnEntry = audioOnEntry;
        this.joinBeforeHost = joinBeforeHost;
        this.severalScreenShares = severalScreenShares;
        this.webinar = webinar;
    }

    public static MeetingSettings defaults() {
        return new MeetingSettings(true, true, false, false, false);
    }

    public boolean videoOnEntry() {
        return videoOnEntry;
    }

    public boolean audioOnEntry() {
        return audioOnEntry;
    }

    public boolean joinBeforeHost() {
        return joinBeforeHost;
    }

    /** Whether several participants may share their screens at once (else one at a time). */
    public boolean severalScreenShares() {
        return severalScreenShares;
    }

    /**
     * A webinar: only the hosts, co-hosts and panelists are seen and heard; everyone else is in the
     * audience, watching and listening, until a host makes them a panelist.
     */
    public boolean webinar() {
        return webinar;
    }
}
