package io.convene.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a usage report's rows as they come; {@link #finish()} completes the file (the stream stays
 * open), {@link #close()} lets go of what the writer kept aside (temporary files), finished or not.
 */
public interface UsageWriter extends AutoCloseable {

    List<String> COLUMNS = List.of("Period", "Starts", "Department", "Active users", "Meetings", "Meeting minutes",
            "Participant minutes", "Chat messages", "Peak concurrent meetings", "Peak concurrent participants");

    void row(UsageRow row) throws IOException;

    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** The figures of a row in {@link #COLUMNS}' order, from "Active users" on. */
    static long[] figures(UsageRow r) {
        return new long[] {r.activeUsers(), r.meetings(), r.meetingMinutes(), r.participantMinutes(), r.chatMessages(),
                r.peakMeetings(), r.peakParticipants()};
    }

    static UsageWriter of(ReportFormat format, UsageQuery query, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvUsageWriter(query, out);
            case XLSX -> new XlsxUsageWriter(query, out);
            case PDF -> new PdfUsageWriter(query, out);
        };
    }
}
