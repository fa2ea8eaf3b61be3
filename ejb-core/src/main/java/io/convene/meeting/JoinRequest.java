package io.convene.meeting;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Asking to enter a meeting. Signed-in users need the meeting code (as the path), an invitation or the
 * link token; guests need the link token and a display name. The passcode is needed when one is set,
 * unless the link's passcode key (its {@code p}) comes instead.
 */
public record JoinRequest(
        @Size(max = 64) String joinToken,
        @Size(max = 32) String passcode,
        @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @Size(max = 64) String passcodeKey) {

    @Override
    public String toString() {
        return "JoinRequest[joinToken=" + (joinToken == null ? null : "***") + ", passcode="
                + (passcode == null ? null : "***") + ", displayName=" + displayName + ", passcodeKey="
                + (passcodeKey == null ? null : "***") + "]";
    }
}
