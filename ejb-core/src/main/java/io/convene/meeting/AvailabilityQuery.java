package io.convene.meeting;

import static io.convene.meeting.MeetingTimes.DATE_TIME;
import static io.convene.meeting.MeetingTimes.DATE_TIME_MESSAGE;

import io.convene.shared.IanaTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A time the host thinks of, asked before saving: who of the host and the invitees is busy then.
 * {@code except}: the meeting being edited, whose own time does not count.
 */
public record AvailabilityQuery(
        @NotBlank @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String start,
        @NotBlank @Size(max = 40) @Pattern(regexp = DATE_TIME, message = DATE_TIME_MESSAGE) String end,
        @NotBlank @Size(max = 64) @IanaTimeZone String timeZone,
        @Size(max = 50) List<@NotNull @Email @Size(max = 254) String> invitees,
        @Size(max = 64) String except) {
}
