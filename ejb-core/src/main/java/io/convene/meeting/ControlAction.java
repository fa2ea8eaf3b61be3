package io.convene.meeting;

/** What a host or co-host can do to a meeting or someone in it. */
public enum ControlAction {
    ADMIT(true, false),
    DENY(true, false),
    ADMIT_ALL(false, false),
    REMOVE(true, false),
    /** Lets someone who was removed join again. */
    ALLOW_BACK(true, false),
    LOCK(false, false),
    UNLOCK(false, false),
    MAKE_CO_HOST(true, true),
    MAKE_PARTICIPANT(true, true),
    MAKE_HOST(true, true),
    END(false, true),
    MUTE(true, false),
    MUTE_ALL(false, false),
    STOP_VIDEO(true, false),
    STOP_SCREEN_SHARE(true, false),
    ALLOW_UNMUTE(false, false),
    FORBID_UNMUTE(false, false),
    ALLOW_PRIVATE_CHAT(false, false),
    FORBID_PRIVATE_CHAT(false, false),
    LOWER_HAND(true, false),
    /** In a webinar: someone of the audience is seen and heard from now on. */
    MAKE_PANELIST(true, false),
    /** In a webinar: a panelist goes back to watching. */
    MAKE_AUDIENCE(true, false);

    private final boolean needsTarget;
    private final boolean hostOnly;

    ControlAction(boolean needsTarget, boolean hostOnly) {
        this.needsTarget = needsTarget;
        this.hostOnly = hostOnly;
    }

    /** Acts on one participant, named by participationId. */
    public boolean needsTarget() {
        return needsTarget;
    }

    /**
     * Administrators may do it to any meeting (the console's live view): everything but changing who
     * hosts or co-hosts, which stays with the meeting's host.
     */
    public boolean byAdministrators() {
        return this != MAKE_CO_HOST && this != MAKE_PARTICIPANT && this != MAKE_HOST;
    }

    /** Reserved to the host (co-hosts may do the rest). */
    public boolean hostOnly() {
        return hostOnly;
    }
}
