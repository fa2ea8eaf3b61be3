package io.convene.reports;

import java.time.LocalDate;

/**
 * One period of the organisation's usage, for one department or for everyone ({@code department}
 * null). People without a department are under "" ; meetings count for their host's department.
 *
 * @param activeUsers people who joined a meeting in the period
 * @param meetings meetings that began in the period (at their first arrival)
 * @param meetingMinutes how long those meetings lasted, first arrival to last departure
 * @param participantMinutes time people spent in meetings, counted in the period they arrived
 * @param chatMessages messages people sent in meetings they first arrived at in the period
 * @param peakMeetings most meetings going on at one moment of the period
 * @param peakParticipants most people in meetings at one moment of the period
 */
public record UsageRow(LocalDate period, String department, long activeUsers, long meetings, long meetingMinutes,
                       long participantMinutes, long chatMessages, long peakMeetings, long peakParticipants) {

    public static final String EVERYONE = "All departments";
    public static final String NO_DEPARTMENT = "(no department)";

    public boolean everyone() {
        return department == null;
    }

    public String departmentLabel() {
        return department == null ? EVERYONE : department.isEmpty() ? NO_DEPARTMENT : department;
    }
}
