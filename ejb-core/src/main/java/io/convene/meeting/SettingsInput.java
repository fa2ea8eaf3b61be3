package io.convene.meeting;

/** Entry settings as a client sends them; a missing value takes the default. */
public record SettingsInput(Boolean videoOnEntry, Boolean audioOnEntry, Boolean joinBeforeHost,
                            Boolean severalScreenShares, Boolean webinar) {

    MeetingSettings applyTo(MeetingSettings current) {
        return new MeetingSettings(
                videoOnEntry == null ? current.videoOnEntry() : videoOnEntry,
                audioOnEntry == null ? current.audioOnEntry() : audioOnEntry,
                joinBeforeHost == null ? current.joinBeforeHost() : joinBeforeHost,
                severalScreenShares == null ? current.severalScreenShares() : severalScreenShares,
                webinar == null ? current.webinar() : webinar);
    }
}
