package io.convene.reports;

import static io.convene.reports.ReportDatabase.attends;
import static io.convene.reports.ReportDatabase.meeting;
import static io.convene.reports.ReportDatabase.message;
import static io.convene.reports.ReportDatabase.user;
import static io.convene.reports.ReportDatabase.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage report's SQL over a scripted week in March 2020 (its own range in the shared test
 * database): three meetings of four people in three departments, one running over midnight, a
 * rejoin, and one person leaving a meeting at the instant she enters the next.
 */
class OrganisationUsageTest {

    static final LocalDate MONDAY = LocalDate.of(2020, 3, 2);
    static OrganisationUsage usage;

    @BeforeAll
    static synchronized void scriptAWeek() {
        if (usage != null) { // once in the shared database
            return;
        }
        DataSource db = ReportDatabase.start();
        usage = new OrganisationUsage();
        usage.db = db;
        UUID alice = user(db, "Alice", "Sales");
        UUID bob = user(db, "Bob", "Sales");
        UUID carol = user(db, "Carol", "Engineering");
        UUID dan = user(db, "Dan", null);

        UUID m1 = meeting(db, alice, at("2020-03-02T09:00:00Z"));
        visit(db, attends(db, m1, alice, "HOST"), at("2020-03-02T09:00:00Z"), at("2020-03-02T10:00:00Z"));
        UUID bobInM1 = attends(db, m1, bob, "PARTICIPANT");
        visit(db, bobInM1, at("2020-03-02T09:10:00Z"), at("2020-03-02T09:40:00Z"));
        visit(db, bobInM1, at("2020-03-02T09:50:00Z"), at("2020-03-02T10:00:00Z"));
        visit(db, attends(db, m1, carol, "PARTICIPANT"), at("2020-03-02T09:30:00Z"), at("2020-03-02T10:30:00Z"));
        message(db, m1, bobInM1, at("2020-03-02T09:15:00Z"));
        message(db, m1, bobInM1, at("2020-03-02T09:55:00Z"));

        UUID m2 = meeting(db, carol, at("2020-03-02T09:45:00Z"));
        visit(db, attends(db, m2, dan, "PARTICIPANT"), at("2020-03-02T09:45:00Z"), at("2020-03-02T10:15:00Z"));
        UUID carolInM2 = attends(db, m2, carol, "HOST");
        visit(db, carolInM2, at("2020-03-02T10:30:00Z"), at("2020-03-02T11:00:00Z"));
        message(db, m2, carolInM2, at("2020-03-02T10:40:00Z"));

        UUID m3 = meeting(db, dan, at("2020-03-02T23:30:00Z"));
        UUID danInM3 = attends(db, m3, dan, "HOST");
        visit(db, danInM3, at("2020-03-02T23:30:00Z"), at("2020-03-03T00:30:00Z"));
        message(db, m3, danInM3, at("2020-03-03T00:10:00Z"));
    }

    @Test
    void daysByDepartmentCountPeopleMeetingsMinutesMessagesAndPeaks() {
        List<UsageRow> rows = read(new UsageQuery(UsageQuery.Period.DAY, MONDAY, MONDAY.plusDays(3)));

        assertThat(rows).containsExactly(
                new UsageRow(MONDAY, null, 4, 3, 90 + 75 + 60, 60 + 40 + 90 + 90, 4, 2, 4),
                new UsageRow(MONDAY, "", 1, 1, 60, 30 + 60, 1, 1, 1),
                new UsageRow(MONDAY, "Engineering", 1, 1, 75, 60 + 30, 1, 1, 1),
                new UsageRow(MONDAY, "Sales", 2, 1, 90, 60 + 40, 2, 1, 2),
                // Dan's meeting goes on past midnight: it and he count at Tuesday's peak; his message
                // after midnight counts on Monday, when he arrived
                new UsageRow(MONDAY.plusDays(1), null, 0, 0, 0, 0, 0, 1, 1),
                new UsageRow(MONDAY.plusDays(1), "", 0, 0, 0, 0, 0, 1, 1),
                new UsageRow(MONDAY.plusDays(2), null, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aWeekAddsItsDaysUpAndCountsEachPersonOnce() {
        List<UsageRow> rows = read(new UsageQuery(UsageQuery.Period.WEEK, MONDAY, MONDAY.plusDays(7)));

        assertThat(rows).first().isEqualTo(new UsageRow(MONDAY, null, 4, 3, 225, 280, 4, 2, 4));
        assertThat(rows).filteredOn(r -> !r.everyone()).extracting(UsageRow::department)
                .containsExactly("", "Engineering", "Sales");
    }

    @Test
    void aRangeStartingMidMeetingCountsWhatWasGoingOnAtItsStartOnlyInThePeaks() {
        List<UsageRow> rows = read(new UsageQuery(UsageQuery.Period.MONTH, MONDAY.plusDays(1), MONDAY.plusDays(5)));

        assertThat(rows).first().isEqualTo(new UsageRow(LocalDate.of(2020, 3, 1), null, 0, 0, 0, 0, 0, 1, 1));
    }

    @Test
    void everyRowArrivesAfterTheDatabaseAnsweredAndFitsTheBound() {
        UsageQuery query = new UsageQuery(UsageQuery.Period.DAY, MONDAY, MONDAY.plusDays(3));
        List<String> events = new ArrayList<>();
        usage.read(query, () -> events.add("started"), r -> events.add("row"));

        assertThat(events).first().isEqualTo("started");
        assertThat(events).hasSize(1 + 7);
        assertThat(usage.rowsAtMost(query)).isGreaterThanOrEqualTo(7);
    }

    @Test
    void longRangesNeedLongPeriods() {
        assertThatThrownBy(() -> new UsageQuery(UsageQuery.Period.DAY, MONDAY, MONDAY.plusDays(401)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 400 days");
        assertThatThrownBy(() -> new UsageQuery(UsageQuery.Period.DAY, MONDAY, MONDAY))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new UsageQuery(UsageQuery.Period.WEEK, MONDAY.plusDays(2), MONDAY.plusDays(9)).periods()).isEqualTo(2);
        assertThat(UsageQuery.Period.WEEK.label(MONDAY)).isEqualTo("2020-W10");
    }

    static List<UsageRow> read(UsageQuery query) {
        List<UsageRow> rows = new ArrayList<>();
        usage.read(query, () -> { }, rows::add);
        return rows;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
