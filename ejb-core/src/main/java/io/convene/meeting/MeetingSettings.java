package io.convene.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How participants enter: camera and microphone on entry, and whether they may join before the host. */
@Embeddable
public class MeetingSettings {

    @Column(name = "video_on_entry", nullable = false)
    private boolean videoOnEntry;

    @Column(name = "audio_on_entry", nullable = false)
    private boolean audioOnEntry;

    @Column(name = "join_before_host", nullable = false)
    private boolean joinBeforeHost;

    protected MeetingSettings() {
    }

    public MeetingSettings(boolean videoOnEntry, boolean audioOnEntry, boolean joinBeforeHost) {
        this.videoOnEntry = videoOnEntry;
        this.audioOnEntry = audioOnEntry;
        this.joinBeforeHost = joinBeforeHost;
    }

    public static MeetingSettings defaults() {
        return new MeetingSettings(true, true, false);
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
}
