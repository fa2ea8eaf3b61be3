package io.convene.meeting;

import io.convene.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A recurring meeting: its rule, and the link its invitations carry — the first meeting's code and
 * token, which lead to whichever meeting of the series is live or next. Each occurrence is a
 * {@link Meeting} of its own.
 */
@Entity
@Table(name = "meeting_series")
public class MeetingSeries {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_id")
    private User host;

    @Column(nullable = false)
    private String rule;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "first_start", nullable = false)
    private Instant firstStart;

    @Column(name = "first_end", nullable = false)
    private Instant firstEnd;

    @Column(nullable = false, unique = true, length = 10)
    private String code;

    @Column(name = "join_token", nullable = false, unique = true)
    private String joinToken;

    @Column(name = "calendar_sequence", nullable = false)
    private int calendarSequence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MeetingSeries() {
    }

    MeetingSeries(Meeting first, Recurrence recurrence, ZoneId zone, Instant now) {
        this.id = UUID.randomUUID();
        this.host = first.host();
        this.timeZone = zone.getId();
        this.firstStart = first.slot().start();
        this.firstEnd = first.slot().end();
        this.rule = recurrence.rrule(zone, LocalDateTime.ofInstant(firstStart, zone));
        this.code = first.code();
        this.joinToken = first.joinToken();
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    /** The RRULE value, e.g. "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10". */
    public String rule() {
        return rule;
    }

    public Recurrence recurrence() {
        return Recurrence.parse(rule, zone());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** DTSTART and DTEND of the series' invitation: the first meeting's slot as the rule gave it. */
    public TimeSlot firstSlot() {
        return new TimeSlot(firstStart, firstEnd);
    }

    public String code() {
        return code;
    }

    public String joinToken() {
        return joinToken;
    }

    public int calendarSequence() {
        return calendarSequence;
    }

    /** The whole series moved: its first meeting by {@code shift} on the wall clock, lasting {@code length}, in {@code zone}. */
    void move(java.time.Duration shift, java.time.Duration length, ZoneId zone) {
        firstStart = LocalDateTime.ofInstant(firstStart, zone()).plus(shift).atZone(zone).toInstant();
        firstEnd = firstStart.plus(length);
        timeZone = zone.getId();
    }

    /** A change to the whole series that calendars must pick up. */
    void revise() {
        calendarSequence++;
    }

    boolean joinTokenIs(String candidate) {
        return candidate != null && MessageDigest.isEqual(joinToken.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }
}
