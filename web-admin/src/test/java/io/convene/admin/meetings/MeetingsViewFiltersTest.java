package io.convene.admin.meetings;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import io.convene.admin.shell.SignedIn;
import io.convene.audit.AuditQuery;
import io.convene.meeting.MeetingControls;
import io.convene.meeting.MeetingListing;
import io.convene.meeting.MeetingService;
import io.convene.reports.MeetingAnalytics;
import io.convene.shared.Caller;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meetings screen's filters say what is wrong next to the field (with the search's own rules)
 * before any query runs; the view is built but not shown, so its grid asks the database nothing.
 */
class MeetingsViewFiltersTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
        SignedIn.as(Caller.ADMIN);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void wordsWithoutALetterOrDigitAreRefusedNextToTheField() {
        MeetingsView view = view();
        TextField words = _get(view, TextField.class, spec -> spec.withId("meeting-words"));
        _setValue(words, "!!! ***");
        assertThat(words.isInvalid()).isTrue();
        assertThat(words.getErrorMessage()).isEqualTo("must contain a letter or a digit");
        _setValue(words, "board review");
        assertThat(words.isInvalid()).isFalse();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedOnItsLastDay() {
        MeetingsView view = view();
        DatePicker from = _get(view, DatePicker.class, spec -> spec.withId("meeting-from"));
        DatePicker to = _get(view, DatePicker.class, spec -> spec.withId("meeting-to"));
        _setValue(from, LocalDate.of(2026, 12, 10));
        _setValue(to, LocalDate.of(2026, 12, 1));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("must be on or after the first day");
        _setValue(to, LocalDate.of(2026, 12, 10));
        assertThat(to.isInvalid()).as("one day is a range").isFalse();
    }

    private static MeetingsView view() {
        return new MeetingsView(new MeetingListing(), new MeetingService(), new MeetingControls(), new MeetingAnalytics(),
                new AuditQuery());
    }
}
