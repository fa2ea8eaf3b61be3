package io.convene.meeting;

import static io.convene.meeting.MeetingTimes.DATE_TIME;
import static io.convene.meeting.MeetingTimes.DATE_TIME_MESSAGE;

import io.convene.shared.IanaTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A meeting to schedule. {@code start} and {@code end} are ISO-8601: an instant with offset
 * ("2026-12-01T09:00:00Z") or a local date-time ("2026-12-01T10:00") read in {@code timeZone}.
 * With {@code recurrence}, start and end are the first meeting's, and a series is scheduled;
 * {@code recordOnStart}: recorded from the moment it is live.
 */
public record MeetingDraft(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String agenda,
        @NotBlank @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String start,
        @NotBlank @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String end,
        @NotBlank @Size(max = 64) @IanaTimeZone String timeZone,
        @Size(min = 4, max = 32) String passcode,
        Boolean waitingRoom,
        Boolean allowGuests,
        @Valid SettingsInput settings,
        @Size(max = 500) List<@NotNull @Email @Size(max = 254) String> invitees,
        @Min(0) @Max(MeetingReminder.MAX_MINUTES) Integer reminderMinutes,
        @Valid RecurrenceInput recurrence,
        Boolean recordOnStart) {
}
