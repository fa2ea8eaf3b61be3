package io.convene.meeting;

import io.convene.user.User;

/**
 * The people most meeting tests play with and the host's meeting they are all in, live: made by
 * {@link MeetingWorld#cast()} (host, ann, bob and cid) or {@link MeetingWorld#castOfThree()} (no cid).
 */
public record Cast(User host, User ann, User bob, User cid, Meeting meeting) {

    /** The meeting's id as the use cases take it. */
    public String ref() {
        return meeting.id().toString();
    }
}
