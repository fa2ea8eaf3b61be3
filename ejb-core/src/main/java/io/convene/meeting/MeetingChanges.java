package io.convene.meeting;

import static io.convene.meeting.MeetingTimes.DATE_TIME;
import static io.convene.meeting.MeetingTimes.DATE_TIME_MESSAGE;

import io.convene.shared.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes to a meeting; a field left out stays as it is. Moving it takes start, end and (optionally)
 * timeZone together. {@code removePasscode} drops the passcode; {@code invitees} adds people.
 */
public record MeetingChanges(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
        @Size(max = 10_000) String agenda,
        @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String start,
        @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String end,
        @Size(max = 64) @IanaTimeZone String timeZone,
        @Size(min = 4, max = 32) String passcode,
        Boolean removePasscode,
        Boolean waitingRoom,
        Boolean allowGuests,
        @Valid SettingsInput settings,
        @Size(max = 500) List<@NotNull @Email @Size(max = 254) String> invitees,
        @Min(0) @Max(MeetingReminder.MAX_MINUTES) Integer reminderMinutes,
        Boolean recordOnStart) {
}
