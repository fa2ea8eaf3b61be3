package io.convene.meeting;

import static io.convene.meeting.MeetingWorld.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.platform.CountingMetrics;
import io.convene.platform.PlatformFixtures;
import io.convene.platform.Sealing;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.FiredEvents;
import io.convene.shared.InvalidInputException;
import io.convene.shared.InvalidInputException.FieldError;
import io.convene.shared.NotFoundException;
import io.convene.shared.RateLimitedException;
import io.convene.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scheduling, changing, cancelling, joining and leaving meetings against the meeting repository in
 * memory: who may, what is checked, what the channel announces and what the other contexts hear.
 */
class MeetingServiceTest {

    private static final String URL = "https://convene.example";

    private final MeetingWorld world = new MeetingWorld();
    private final FiredEvents<MeetingNews> news = new FiredEvents<>();
    private final FiredEvents<MeetingLifecycle.Started> started = new FiredEvents<>();
    private final FiredEvents<MeetingLifecycle.Emptied> emptied = new FiredEvents<>();
    private final InMemoryPasscodeFailures failures = new InMemoryPasscodeFailures();
    private final CountingMetrics metrics = new CountingMetrics();
    private final Sealing sealing = PlatformFixtures.sealing(world.secrets);
    private final MeetingService service = new MeetingService();

    private final User host = world.person("host");
    private final User ann = world.person("ann");
    private final User bob = world.person("bob");
    private final Caller hostCaller = callerOf(host, Caller.HOST);
    private final Caller annCaller = callerOf(ann, Caller.PARTICIPANT);
    private final Caller bobCaller = callerOf(bob, Caller.PARTICIPANT);

    MeetingServiceTest() {
        PasscodeAttempts attempts = new PasscodeAttempts();
        attempts.failures = failures;
        attempts.clock = world.clock;
        attempts.perClient = 5;
        attempts.perMeeting = 30;
        attempts.window = Duration.ofMinutes(15);

        service.counters = metrics.productCounters();
        service.meetings = world.meetings;
        service.userRepository = world.users;
        service.users = world.userService;
        service.tickets = world.tickets;
        service.clock = world.clock;
        service.links = MeetingFixtures.joinLinks(URL);
        service.attendees = world.attendees;
        service.passcodeAttempts = attempts;
        service.events = world.eventLog;
        service.started = started;
        service.emptied = emptied;
        service.sealing = sealing;
        service.news = news;
    }

    /** A draft for tomorrow 10:00 to 11:00 in Berlin (09:00Z to 10:00Z), changed by {@code choices}. */
    private static MeetingDraft draft(Consumer<Draft> choices) {
        Draft d = new Draft();
        choices.accept(d);
        return new MeetingDraft(d.title, d.agenda, d.start, d.end, d.timeZone, d.passcode, d.waitingRoom, d.allowGuests,
                d.settings, d.invitees, d.reminderMinutes, d.recurrence, d.recordOnStart);
    }

    private static final class Draft {
        String title = "Planning";
        String agenda;
        String start = "2026-12-08T10:00";
        String end = "2026-12-08T11:00";
        String timeZone = "Europe/Berlin";
        String passcode;
        Boolean waitingRoom;
        Boolean allowGuests;
        SettingsInput settings;
        List<String> invitees;
        Integer reminderMinutes;
        RecurrenceInput recurrence;
        Boolean recordOnStart;
    }

    private static MeetingChanges changes(Consumer<Changes> wanted) {
        Changes c = new Changes();
        wanted.accept(c);
        return new MeetingChanges(c.title, null, c.start, c.end, c.timeZone, c.passcode, c.removePasscode, null, null,
                null, c.invitees, null, null);
    }

    private static final class Changes {
        String title;
        String start;
        String end;
        String timeZone;
        String passcode;
        Boolean removePasscode;
        List<String> invitees;
    }

    private Meeting stored(MeetingDetails details) {
        return world.meetings.byId(details.id()).orElseThrow();
    }

    private Meeting schedule(Consumer<Draft> choices) {
        return stored(service.schedule(hostCaller, draft(choices)));
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    private static JoinRequest withToken(String token) {
        return new JoinRequest(token, null, null, null);
    }

    private static JoinRequest withPasscode(String passcode) {
        return new JoinRequest(null, passcode, null, null);
    }

    private static JoinRequest nothing() {
        return new JoinRequest(null, null, null, null);
    }

    private <T extends MeetingNews> T lastNews(Class<T> type) {
        List<MeetingNews> all = news.fired();
        assertThat(all).isNotEmpty();
        assertThat(all.get(all.size() - 1)).isInstanceOf(type);
        return type.cast(all.get(all.size() - 1));
    }

    @Nested
    class Scheduling {

        @Test
        void aHostSchedulesAMeetingAndInvitesPeopleByAccountOrByAddressEachOnce() {
            User unverified = new User("sub-uv", "uv", "uv@example.com", ZoneId.of("UTC"), world.clock.instant(), false);
            world.users.add(unverified);

            MeetingDetails details = service.schedule(hostCaller, draft(d -> {
                d.title = "  Planning  ";
                d.invitees = List.of("ann@example.com", " Zed@Outside.ORG ", "host@example.com", "ANN@example.com",
                        "uv@example.com");
            }));

            Meeting meeting = stored(details);
            assertThat(world.meetings.all()).containsExactly(meeting);
            assertThat(details.title()).isEqualTo("Planning");
            assertThat(details.status()).isEqualTo(MeetingStatus.SCHEDULED);
            assertThat(details.start()).isEqualTo(at("2026-12-08T09:00:00Z"));
            assertThat(details.end()).isEqualTo(at("2026-12-08T10:00:00Z"));
            assertThat(details.host().id()).isEqualTo(host.id());
            assertThat(details.joinUrl()).isEqualTo(URL + "/join/" + meeting.code() + "?t=" + meeting.joinToken());
            assertThat(meeting.code()).matches("[1-9][0-9]{9}");
            assertThat(meeting.invitees()).extracting(p -> p.user() == null ? "address " + p.email() : "account " + p.user().name())
                    .containsExactly("account ann", "address zed@outside.org", "address uv@example.com");
            assertThat(news.fired()).singleElement().isInstanceOfSatisfying(MeetingNews.Scheduled.class, s -> {
                assertThat(s.meeting()).isSameAs(meeting);
                assertThat(s.invited()).containsExactlyElementsOf(meeting.invitees());
            });
        }

        @Test
        void onlyHostsAndAdministratorsScheduleMeetings() {
            assertThatThrownBy(() -> service.schedule(annCaller, draft(d -> { })))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("Only hosts and administrators schedule meetings");
            assertThat(world.meetings.all()).isEmpty();
            assertThat(news.fired()).isEmpty();

            MeetingDetails byAdmin = service.schedule(callerOf(bob, Caller.ADMIN), draft(d -> { }));
            assertThat(byAdmin.host().id()).isEqualTo(bob.id());
        }

        @Test
        void theTimesAndZoneMustMakeAMeetingAheadOfNowAndNothingIsKeptOtherwise() {
            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d -> {
                d.start = "2026-12-07T08:54:00Z"; // six minutes ago: beyond the five of grace
                d.end = "2026-12-07T08:50:00Z";
            }))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                    new FieldError("end", "must be after start"), new FieldError("start", "must not be in the past")));
            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d -> d.end = "2026-12-09T10:01")))
                    .isInstanceOf(InvalidInputException.class).hasMessage("end: a meeting lasts at most 24 hours");
            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d -> d.timeZone = "+01:00")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("timeZone: must be an IANA time zone name, not an offset");
            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d -> d.timeZone = "Mars/Olympus")))
                    .hasMessage("timeZone: unknown time zone 'Mars/Olympus'");
            assertThat(world.meetings.all()).isEmpty();

            MeetingDetails justStarted = service.schedule(hostCaller, draft(d -> {
                d.start = "2026-12-07T08:56:00Z"; // four minutes ago: a client's clock drifts
                d.end = "2026-12-07T09:30:00Z";
            }));
            assertThat(justStarted.start()).isEqualTo(at("2026-12-07T08:56:00Z"));
        }

        @Test
        void aTimeTheHostAlreadyHoldsIsRefusedWithTheNextFreeSlotsOfThatLength() {
            Meeting first = schedule(d -> { });

            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d -> {
                d.start = "2026-12-08T10:30";
                d.end = "2026-12-08T11:30";
            }))).isInstanceOfSatisfying(SchedulingConflictException.class, e -> {
                assertThat(e).hasMessage("The host already has a meeting at that time");
                assertThat(e.suggestions()).containsExactly(
                        new TimeSlot(at("2026-12-08T10:00:00Z"), at("2026-12-08T11:00:00Z")),
                        new TimeSlot(at("2026-12-08T11:00:00Z"), at("2026-12-08T12:00:00Z")),
                        new TimeSlot(at("2026-12-08T12:00:00Z"), at("2026-12-08T13:00:00Z")));
            });
            assertThat(world.meetings.all()).containsExactly(first);
            assertThat(news.fired()).hasSize(1);

            schedule(d -> { // right after it
                d.start = "2026-12-08T11:00";
                d.end = "2026-12-08T12:00";
            });
            service.schedule(callerOf(bob, Caller.HOST), draft(d -> { })); // someone else's calendar
            service.cancel(hostCaller, first.id().toString(), false);
            schedule(d -> { // a cancelled meeting holds no time
                d.start = "2026-12-08T10:15";
                d.end = "2026-12-08T10:45";
            });
            assertThat(world.meetings.all()).hasSize(4);
        }

        @Test
        void aPasscodeIsKeptHashedAndSealedForInvitationsAndTheLinkCarriesItsKeyInstead() {
            MeetingDetails details = service.schedule(hostCaller, draft(d -> d.passcode = "2468"));

            Meeting meeting = stored(details);
            assertThat(details.passcodeProtected()).isTrue();
            assertThat(meeting.sealedPasscode()).isNotNull().doesNotContain("2468");
            assertThat(sealing.open(meeting.sealedPasscode())).isEqualTo("2468");
            assertThat(details.joinUrl()).doesNotContain("2468")
                    .isEqualTo(URL + "/join/" + meeting.code() + "?t=" + meeting.joinToken() + "&p=" + meeting.passcodeKey());
        }

        @Test
        void theDraftsChoicesBecomeTheMeetingsAndWhatItLeavesOutTakesTheDefaults() {
            MeetingDetails plain = service.schedule(hostCaller, draft(d -> { }));
            assertThat(plain.waitingRoom()).isFalse();
            assertThat(plain.allowGuests()).isFalse();
            assertThat(plain.passcodeProtected()).isFalse();
            assertThat(plain.reminderMinutes()).isEqualTo(MeetingReminder.DEFAULT_MINUTES);
            assertThat(plain.recordOnStart()).isFalse();
            assertThat(plain.settings()).isEqualTo(new MeetingDetails.Settings(true, true, false, false, true, false));

            MeetingDetails chosen = service.schedule(hostCaller, draft(d -> {
                d.start = "2026-12-09T10:00";
                d.end = "2026-12-09T11:00";
                d.waitingRoom = true;
                d.allowGuests = true;
                d.reminderMinutes = 60;
                d.recordOnStart = true;
                d.settings = new SettingsInput(false, null, true, null, null);
            }));
            assertThat(chosen.waitingRoom()).isTrue();
            assertThat(chosen.allowGuests()).isTrue();
            assertThat(chosen.reminderMinutes()).isEqualTo(60);
            assertThat(chosen.recordOnStart()).isTrue();
            assertThat(chosen.settings()).isEqualTo(new MeetingDetails.Settings(false, true, true, false, true, false));
        }

        @Test
        void aRecurringMeetingIsAMeetingPerOccurrenceAnnouncedOnceWithTheFirst() {
            MeetingDetails details = service.schedule(hostCaller, draft(d -> {
                d.invitees = List.of("ann@example.com");
                d.recurrence = new RecurrenceInput(Recurrence.Frequency.WEEKLY, null, null, 3, null);
            }));

            List<Meeting> all = world.meetings.all();
            assertThat(all).extracting(m -> m.slot().start()).containsExactly(at("2026-12-08T09:00:00Z"),
                    at("2026-12-15T09:00:00Z"), at("2026-12-22T09:00:00Z"));
            MeetingSeries series = all.get(0).series().orElseThrow();
            assertThat(all).allSatisfy(m -> {
                assertThat(m.series()).containsSame(series);
                assertThat(m.occurrenceStart()).isEqualTo(m.slot().start());
                assertThat(m.invitees()).extracting(p -> p.user().name()).containsExactly("ann");
            });
            assertThat(world.meetings.series(series.id())).containsSame(series);
            assertThat(details.id()).isEqualTo(all.get(0).id());
            assertThat(details.series()).isNotNull();
            assertThat(details.series().id()).isEqualTo(series.id());
            assertThat(news.fired()).singleElement().isInstanceOfSatisfying(MeetingNews.Scheduled.class, s -> {
                assertThat(s.meeting()).isSameAs(all.get(0));
                assertThat(s.invited()).containsExactlyElementsOf(all.get(0).invitees());
            });
        }

        @Test
        void aSeriesThatCollidesOnceWithTheHostsCalendarIsRefusedWhole() {
            Meeting existing = schedule(d -> {
                d.start = "2026-12-15T10:30";
                d.end = "2026-12-15T11:00";
            });

            assertThatThrownBy(() -> service.schedule(hostCaller, draft(d ->
                    d.recurrence = new RecurrenceInput(Recurrence.Frequency.WEEKLY, null, null, 3, null))))
                    .isInstanceOf(SchedulingConflictException.class)
                    .hasMessage("The host already has a meeting at 2026-12-15T09:00:00Z, one of the series' times");

            assertThat(world.meetings.all()).containsExactly(existing);
            assertThat(news.fired()).hasSize(1);
        }
    }

    @Nested
    class Changing {

        @Test
        void aMoveTellsThoseInvitedBeforeInvitesThoseAddedAndAsksForANewReminder() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            Participation annInvited = world.of(meeting, ann);
            meeting.reminded(world.clock.instant());

            MeetingDetails details = service.edit(hostCaller, meeting.id().toString(), changes(c -> {
                c.start = "2026-12-08T14:00";
                c.end = "2026-12-08T15:30";
                c.invitees = List.of("bob@example.com", "ann@example.com");
            }), false);

            assertThat(details.start()).isEqualTo(at("2026-12-08T13:00:00Z"));
            assertThat(details.end()).isEqualTo(at("2026-12-08T14:30:00Z"));
            assertThat(meeting.calendarSequence()).isEqualTo(1);
            assertThat(meeting.remindedAt()).isNull();
            MeetingNews.Changed changed = lastNews(MeetingNews.Changed.class);
            assertThat(changed.meeting()).isSameAs(meeting);
            assertThat(changed.told()).containsExactly(annInvited);
            assertThat(changed.invited()).containsExactly(world.of(meeting, bob));
        }

        @Test
        void onlyTheHostOrAnAdministratorChangesAMeetingAndToStrangersItDoesNotExist() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            String ref = meeting.id().toString();
            MeetingChanges retitle = changes(c -> c.title = " Retro ");

            assertThatThrownBy(() -> service.edit(annCaller, ref, retitle, false))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only the host or an administrator may change this meeting");
            assertThatThrownBy(() -> service.edit(bobCaller, ref, retitle, false))
                    .isInstanceOf(NotFoundException.class).hasMessage("No such meeting, or it is not visible to you");
            assertThatThrownBy(() -> service.edit(hostCaller, "not-a-meeting", retitle, false))
                    .isInstanceOf(NotFoundException.class);
            assertThat(meeting.title()).isEqualTo("Planning");
            assertThat(meeting.calendarSequence()).isZero();
            assertThat(news.fired()).hasSize(1);

            service.edit(callerOf(bob, Caller.ADMIN), meeting.code(), retitle, false);
            assertThat(meeting.title()).isEqualTo("Retro");
            assertThat(lastNews(MeetingNews.Changed.class).meeting()).isSameAs(meeting);
        }

        @Test
        void aMoveOntoAnotherOfTheHostsMeetingsIsRefusedWhileOverlappingItsOwnOldTimeIsFine() {
            schedule(d -> { });
            Meeting later = schedule(d -> {
                d.start = "2026-12-08T12:00";
                d.end = "2026-12-08T13:00";
            });

            assertThatThrownBy(() -> service.edit(hostCaller, later.id().toString(), changes(c -> {
                c.start = "2026-12-08T10:30";
                c.end = "2026-12-08T11:30";
            }), false)).isInstanceOf(SchedulingConflictException.class);
            assertThat(later.slot().start()).isEqualTo(at("2026-12-08T11:00:00Z"));
            assertThat(news.fired()).hasSize(2);

            service.edit(hostCaller, later.id().toString(), changes(c -> {
                c.start = "2026-12-08T12:30";
                c.end = "2026-12-08T13:30";
            }), false);
            assertThat(later.slot().start()).isEqualTo(at("2026-12-08T11:30:00Z"));
        }

        @Test
        void thePasscodeIsSetOrRemovedButNotBothAtOnce() {
            Meeting meeting = schedule(d -> d.passcode = "2468");
            String ref = meeting.id().toString();

            assertThatThrownBy(() -> service.edit(hostCaller, ref, changes(c -> {
                c.passcode = "1357";
                c.removePasscode = true;
            }), false)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                    .containsExactly(new FieldError("removePasscode", "cannot set and remove the passcode at once")));
            assertThat(sealing.open(meeting.sealedPasscode())).isEqualTo("2468");

            service.edit(hostCaller, ref, changes(c -> c.passcode = "1357"), false);
            assertThat(sealing.open(meeting.sealedPasscode())).isEqualTo("1357");
            MeetingDetails open = service.edit(hostCaller, ref, changes(c -> c.removePasscode = true), false);
            assertThat(open.passcodeProtected()).isFalse();
            assertThat(meeting.sealedPasscode()).isNull();
            assertThat(open.joinUrl()).doesNotContain("&p=");
        }

        @Test
        void changingOneOfASeriesSetsItApartAndAChangeOfTheWholeSeriesLeavesThatOneBe() {
            service.schedule(hostCaller, draft(d -> d.recurrence = new RecurrenceInput(Recurrence.Frequency.WEEKLY, null,
                    null, 3, null)));
            List<Meeting> all = world.meetings.all();
            Meeting first = all.get(0);
            Meeting second = all.get(1);
            Meeting third = all.get(2);

            service.edit(hostCaller, second.id().toString(), changes(c -> c.title = "Special"), false);
            assertThat(second.isDetached()).isTrue();

            service.edit(hostCaller, first.id().toString(), changes(c -> {
                c.start = "2026-12-08T11:00";
                c.end = "2026-12-08T12:30";
            }), true);

            assertThat(first.slot()).isEqualTo(new TimeSlot(at("2026-12-08T10:00:00Z"), at("2026-12-08T11:30:00Z")));
            assertThat(third.slot()).isEqualTo(new TimeSlot(at("2026-12-22T10:00:00Z"), at("2026-12-22T11:30:00Z")));
            assertThat(second.slot()).isEqualTo(new TimeSlot(at("2026-12-15T09:00:00Z"), at("2026-12-15T10:00:00Z")));
            assertThat(second.title()).isEqualTo("Special");
            assertThat(first.isDetached()).isFalse();
            assertThat(lastNews(MeetingNews.Changed.class).meeting()).isSameAs(first);
        }

        @Test
        void theHostsCalendarMovesTheMeetingUnlessTheNewTimeCollides() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            schedule(d -> {
                d.start = "2026-12-08T14:00";
                d.end = "2026-12-08T15:00";
            });
            TimeSlot moved = new TimeSlot(at("2026-12-08T11:00:00Z"), at("2026-12-08T12:00:00Z"));

            service.moveFromCalendar(meeting.id(), moved);
            assertThat(meeting.slot()).isEqualTo(moved);
            assertThat(meeting.calendarSequence()).isEqualTo(1);
            MeetingNews.Changed changed = lastNews(MeetingNews.Changed.class);
            assertThat(changed.told()).containsExactly(world.of(meeting, ann));
            assertThat(changed.invited()).isEmpty();

            service.moveFromCalendar(meeting.id(), moved); // the same time again: nothing to tell
            assertThat(news.fired()).hasSize(3);

            assertThatThrownBy(() -> service.moveFromCalendar(meeting.id(),
                    new TimeSlot(at("2026-12-08T13:30:00Z"), at("2026-12-08T14:30:00Z"))))
                    .isInstanceOf(SchedulingConflictException.class);
            assertThat(meeting.slot()).isEqualTo(moved);
            assertThat(news.fired()).hasSize(3);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancellingTellsTheInviteesAndCancellingAgainChangesNothing() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com", "zed@outside.org"));

            service.cancel(hostCaller, meeting.id().toString(), false);

            assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
            MeetingNews.Cancelled cancelled = lastNews(MeetingNews.Cancelled.class);
            assertThat(cancelled.told()).containsExactlyElementsOf(meeting.invitees()).hasSize(2);

            service.cancel(hostCaller, meeting.id().toString(), false);
            assertThat(news.fired()).hasSize(2);
            assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
        }

        @Test
        void inviteesMayNotCancelAndALiveMeetingCannotBeCancelled() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            assertThatThrownBy(() -> service.cancel(annCaller, meeting.id().toString(), false))
                    .isInstanceOf(AccessDeniedException.class);

            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");
            assertThatThrownBy(() -> service.cancel(hostCaller, meeting.id().toString(), false))
                    .isInstanceOf(ConflictException.class).hasMessage("Only a scheduled meeting can be cancelled; this one is live");
            assertThat(meeting.status()).isEqualTo(MeetingStatus.LIVE);
            assertThat(news.fired()).noneMatch(n -> n instanceof MeetingNews.Cancelled);
        }

        @Test
        void cancellingASeriesTellsItsInviteesOnceAndThoseOfAnOccurrenceChangedOnItsOwnAgain() {
            service.schedule(hostCaller, draft(d -> {
                d.invitees = List.of("ann@example.com");
                d.recurrence = new RecurrenceInput(Recurrence.Frequency.DAILY, null, null, 3, null);
            }));
            List<Meeting> all = world.meetings.all();
            service.edit(hostCaller, all.get(2).id().toString(), changes(c -> c.title = "Last one"), false);
            int before = news.fired().size();

            service.cancel(hostCaller, all.get(0).id().toString(), true);

            assertThat(all).allSatisfy(m -> assertThat(m.status()).isEqualTo(MeetingStatus.CANCELLED));
            List<MeetingNews> cancellations = news.fired().subList(before, news.fired().size());
            assertThat(cancellations).hasSize(3).allSatisfy(n -> assertThat(n).isInstanceOf(MeetingNews.Cancelled.class));
            assertThat(cancellations).extracting(MeetingNews::meeting).containsExactlyElementsOf(all);
            assertThat(cancellations).extracting(n -> ((MeetingNews.Cancelled) n).told().size()).containsExactly(1, 0, 1);
        }
    }

    @Nested
    class Joining {

        @Test
        void theHostsArrivalMakesTheMeetingLiveWhichIsAnnouncedOnceAndEachJoinOpensTheChannel() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));

            JoinOutcome hostIn = service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");

            assertThat(hostIn.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(hostIn.role()).isEqualTo(MeetingRole.HOST);
            assertThat(hostIn.guestTicket()).isNull();
            assertThat(world.tickets.verify(hostIn.channelTicket(), meeting.id(), ParticipantTickets.Kind.CHANNEL))
                    .isEqualTo(hostIn.participationId()).isEqualTo(world.of(meeting, host).id());
            assertThat(meeting.status()).isEqualTo(MeetingStatus.LIVE);
            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.joined", "meeting.started");
            assertThat(lastNews(MeetingNews.Started.class).meeting()).isSameAs(meeting);
            assertThat(started.fired()).containsExactly(new MeetingLifecycle.Started(meeting.id()));

            JoinOutcome annIn = service.join(annCaller, meeting.code(), nothing(), "ann-browser");

            assertThat(annIn.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(annIn.participationId()).isEqualTo(world.of(meeting, ann).id());
            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.joined", "meeting.started",
                    "participant.joined");
            assertThat(started.fired()).hasSize(1);
            assertThat(news.fired()).filteredOn(n -> n instanceof MeetingNews.Started).hasSize(1);
            assertThat(metrics.count("convene.joins")).isEqualTo(2);
        }

        @Test
        void whoeverWaitedForTheHostOnlyTheHostsSeeAndTheyAreAnnouncedAsLetInWhenTheHostComes() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            Participation annP = world.of(meeting, ann);

            JoinOutcome waiting = service.join(annCaller, meeting.id().toString(), nothing(), "ann-browser");

            assertThat(waiting.state()).isEqualTo(ParticipationState.WAITING);
            MeetingEvent knock = world.events.last(meeting.id(), "participant.waiting");
            assertThat(knock.about()).isEqualTo(annP.id());
            assertThat(knock.isVisibleTo(world.of(meeting, host).id(), true, null)).isTrue();
            assertThat(knock.isVisibleTo(annP.id(), false, null)).isFalse();
            assertThat(started.fired()).isEmpty();

            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");

            assertThat(annP.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.waiting", "participant.joined",
                    "meeting.started", "participant.admitted");
            assertThat(world.events.last(meeting.id(), "participant.admitted").about()).isEqualTo(annP.id());
        }

        @Test
        void joinBeforeHostLetsPeopleInButOnlyTheHostStartsTheMeeting() {
            Meeting meeting = schedule(d -> d.settings = new SettingsInput(null, null, true, null, null));

            JoinOutcome annIn = service.join(annCaller, meeting.code(), nothing(), "ann-browser");

            assertThat(annIn.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.joined");
            assertThat(started.fired()).isEmpty();
        }

        @Test
        void someoneNotInvitedNeedsTheCodeOrTheLinksTokenAndElseFindsNothing() {
            Meeting meeting = schedule(d -> { });
            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");

            assertThatThrownBy(() -> service.join(bobCaller, meeting.id().toString(), nothing(), "bob-browser"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.join(bobCaller, meeting.id().toString(), withToken("guessed"), "bob-browser"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(meeting.participationOf(bob)).isEmpty();

            assertThat(service.join(bobCaller, meeting.id().toString(), withToken(meeting.joinToken()), "bob-browser").state())
                    .isEqualTo(ParticipationState.JOINED);
            assertThat(service.join(annCaller, meeting.code(), nothing(), "ann-browser").state())
                    .isEqualTo(ParticipationState.JOINED);
        }

        @Test
        void everyoneButTheHostGivesThePasscodeOrTheKeyTheLinkCarriesAndFailuresAreCounted() {
            Meeting meeting = schedule(d -> {
                d.passcode = "2468";
                d.invitees = List.of("ann@example.com");
            });
            String ref = meeting.id().toString();

            assertThatThrownBy(() -> service.join(annCaller, ref, nothing(), "ann-browser"))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("This meeting needs a passcode");
            assertThatThrownBy(() -> service.join(annCaller, ref, withPasscode("1111"), "ann-browser"))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("Wrong passcode");
            assertThat(failures.all()).extracting(InMemoryPasscodeFailures.Failure::client)
                    .containsExactly("ann-browser", "ann-browser");
            assertThat(world.of(meeting, ann).state()).isEqualTo(ParticipationState.INVITED);

            assertThat(service.join(hostCaller, ref, nothing(), "host-browser").state()).isEqualTo(ParticipationState.JOINED);
            assertThat(service.join(annCaller, ref, new JoinRequest(null, null, null, meeting.passcodeKey()), "ann-browser")
                    .state()).isEqualTo(ParticipationState.JOINED);
            assertThat(service.join(bobCaller, meeting.code(), withPasscode("2468"), "bob-browser").state())
                    .isEqualTo(ParticipationState.JOINED);
            assertThat(failures.all()).hasSize(2);
        }

        @Test
        void aClientThatGotThePasscodeWrongFiveTimesIsHeldBackForAWhileButNobodyElseIs() {
            Meeting meeting = schedule(d -> d.passcode = "2468");
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> service.join(bobCaller, meeting.code(), withPasscode("0000"), "10.0.0.9"))
                        .isInstanceOf(AccessDeniedException.class);
            }

            assertThatThrownBy(() -> service.join(bobCaller, meeting.code(), withPasscode("2468"), "10.0.0.9"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e).hasMessage("Too many wrong passcodes; try again later");
                        assertThat(e.retryAfterSeconds()).isEqualTo(900);
                    });
            assertThat(meeting.participationOf(bob)).isEmpty();
            assertThat(service.join(annCaller, meeting.code(), withPasscode("2468"), "10.0.0.7").state())
                    .isEqualTo(ParticipationState.WAITING);

            world.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            assertThat(service.join(bobCaller, meeting.code(), withPasscode("2468"), "10.0.0.9").state())
                    .isEqualTo(ParticipationState.WAITING);
        }

        @Test
        void aSeriesLinkLeadsToTheSeriesNextMeetingOnceTheFirstIsOver() {
            service.schedule(hostCaller, draft(d -> {
                d.invitees = List.of("ann@example.com");
                d.recurrence = new RecurrenceInput(Recurrence.Frequency.DAILY, null, null, 3, null);
            }));
            List<Meeting> all = world.meetings.all();
            MeetingSeries series = all.get(0).series().orElseThrow();

            world.clock.advance(Duration.ofHours(27)); // 2026-12-08T12:00Z: the first is over, never held

            JoinOutcome outcome = service.join(annCaller, series.code(), withToken(series.joinToken()), "ann-browser");
            assertThat(outcome.meetingId()).isEqualTo(all.get(1).id());
            assertThat(world.of(all.get(1), ann).state()).isEqualTo(ParticipationState.WAITING);
            assertThat(world.of(all.get(0), ann).state()).isEqualTo(ParticipationState.INVITED);
        }

        @Test
        void aCancelledMeetingCannotBeJoined() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            service.cancel(hostCaller, meeting.id().toString(), false);

            assertThatThrownBy(() -> service.join(annCaller, meeting.id().toString(), nothing(), "ann-browser"))
                    .isInstanceOf(ConflictException.class).hasMessage("This meeting was cancelled");
            assertThat(world.events.typesOf(meeting.id())).isEmpty();
            assertThat(metrics.count("convene.joins")).isZero();
        }
    }

    @Nested
    class GuestsJoining {

        private final Meeting meeting = schedule(d -> d.allowGuests = true);

        private JoinOutcome guest(String name, GuestLineage lineage) {
            return service.joinAsGuest(meeting.id().toString(), new JoinRequest(meeting.joinToken(), null, name, null),
                    "10.0.0.5", lineage);
        }

        @Test
        void aGuestWithTheLinkComesInUnderTheirNameWithATicketForThisMeetingOnly() {
            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");

            JoinOutcome outcome = guest("  Gina ", new GuestLineage("device-1", null));

            Participation gina = meeting.participation(outcome.participationId()).orElseThrow();
            assertThat(gina.isGuest()).isTrue();
            assertThat(gina.displayName()).isEqualTo("Gina");
            assertThat(outcome.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(outcome.guestTicketExpiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofHours(4)));
            assertThat(world.tickets.verify(outcome.guestTicket(), meeting.id(), ParticipantTickets.Kind.GUEST))
                    .isEqualTo(gina.id());
            assertThat(world.tickets.verify(outcome.channelTicket(), meeting.id(), ParticipantTickets.Kind.CHANNEL))
                    .isEqualTo(gina.id());
            Meeting other = schedule(d -> {
                d.start = "2026-12-09T10:00";
                d.end = "2026-12-09T11:00";
            });
            assertThatThrownBy(() -> world.tickets.verify(outcome.guestTicket(), other.id(), ParticipantTickets.Kind.GUEST))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(world.events.last(meeting.id(), "participant.joined").payload())
                    .contains("\"name\":\"Gina\"", "\"guest\":true");
            assertThat(metrics.count("convene.joins")).isEqualTo(2);
        }

        @Test
        void aGuestNeedsTheLinksTokenANameAndAMeetingThatTakesGuests() {
            assertThatThrownBy(() -> service.joinAsGuest(meeting.id().toString(), new JoinRequest(null, null, "Gina", null),
                    "10.0.0.5", GuestLineage.UNKNOWN)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> guest(null, GuestLineage.UNKNOWN)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("displayName: guests must give a display name");
            service.edit(hostCaller, meeting.id().toString(), new MeetingChanges(null, null, null, null, null, null, null,
                    null, false, null, null, null, null), false);
            assertThatThrownBy(() -> guest("Gina", GuestLineage.UNKNOWN)).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("This meeting does not admit guests without an account");
            assertThat(meeting.participations()).noneMatch(Participation::isGuest);
        }

        @Test
        void withoutTheHostAGuestWaitsAndOnlyTheHostsHearOfIt() {
            JoinOutcome outcome = guest("Gina", GuestLineage.UNKNOWN);

            assertThat(outcome.state()).isEqualTo(ParticipationState.WAITING);
            MeetingEvent knock = world.events.last(meeting.id(), "participant.waiting");
            assertThat(knock.about()).isEqualTo(outcome.participationId());
            assertThat(knock.isVisibleTo(outcome.participationId(), false, null)).isFalse();
        }

        @Test
        void aRemovedGuestIsKeptOutByTheirBrowserOrByTheirEarlierTicketEvenAnExpiredOne() {
            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");
            JoinOutcome first = guest("Gina", new GuestLineage("device-1", null));
            meeting.remove(meeting.participation(first.participationId()).orElseThrow(), world.clock.instant());
            world.clock.advance(Duration.ofHours(5)); // the guest ticket has expired

            assertThatThrownBy(() -> guest("Gina", new GuestLineage("device-1", null)))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("You were removed from this meeting");
            assertThatThrownBy(() -> guest("Gina", new GuestLineage("device-2", first.guestTicket())))
                    .isInstanceOf(AccessDeniedException.class).hasMessage("You were removed from this meeting");

            JoinOutcome stranger = guest("Gina", new GuestLineage("device-2", "forged.ticket.value"));
            assertThat(stranger.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(stranger.participationId()).isNotEqualTo(first.participationId());
        }

        @Test
        void aGuestWhosePageReloadsWithItsTicketIsTheSameParticipationAgainOnStageAsBefore() {
            meeting.changeSettings(new MeetingSettings(true, true, false, false, true));
            service.join(hostCaller, meeting.id().toString(), nothing(), "host-browser");
            JoinOutcome first = guest("Gina", new GuestLineage("device-1", null));
            meeting.makePanelist(meeting.participation(first.participationId()).orElseThrow());

            JoinOutcome again = guest("Gina B.", new GuestLineage("device-1", first.guestTicket()));
            assertThat(again.participationId()).isEqualTo(first.participationId());
            assertThat(meeting.participation(first.participationId()).orElseThrow().displayName()).as("the name given this time")
                    .isEqualTo("Gina B.");
            assertThat(again.panelist()).as("still on stage").isTrue();
            assertThat(again.state()).isEqualTo(ParticipationState.JOINED);
            assertThat(meeting.participations()).filteredOn(Participation::isGuest).hasSize(1);

            world.clock.advance(Duration.ofHours(5)); // the ticket has expired: someone new
            JoinOutcome later = guest("Gina", new GuestLineage("device-1", again.guestTicket()));
            assertThat(later.participationId()).isNotEqualTo(first.participationId());
            assertThat(later.panelist()).isFalse();
        }

        @Test
        void theJoinPageLearnsWhetherGuestsMayComeAndItIsAWebinarOnlyWithTheLinksToken() {
            assertThat(service.entry(meeting.code(), meeting.joinToken())).isEqualTo(new MeetingService.Entry(true, false));
            meeting.changeSettings(new MeetingSettings(true, true, false, false, true));
            assertThat(service.entry(meeting.code(), meeting.joinToken())).as("a webinar")
                    .isEqualTo(new MeetingService.Entry(true, true));
            assertThatThrownBy(() -> service.entry(meeting.code(), "guessed")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.entry(meeting.code(), null)).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Leaving {

        @Test
        void leavingIsAnnouncedAndTheLastOneOutLeavesTheMeetingLiveButEmpty() {
            Meeting meeting = world.live(host, ann);
            String ref = meeting.id().toString();

            service.leave(annCaller, null, ref);
            assertThat(world.of(meeting, ann).state()).isEqualTo(ParticipationState.LEFT);
            assertThat(world.events.last(meeting.id(), "participant.left").about()).isEqualTo(world.of(meeting, ann).id());
            assertThat(emptied.fired()).isEmpty();

            service.leave(hostCaller, null, ref);
            assertThat(emptied.fired()).containsExactly(new MeetingLifecycle.Emptied(meeting.id()));
            assertThat(meeting.status()).isEqualTo(MeetingStatus.LIVE);
            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.left", "participant.left");
        }

        @Test
        void leavingAgainChangesNothingAndAnnouncesNothing() {
            Meeting meeting = world.live(host, ann);
            String ref = meeting.id().toString();
            service.leave(annCaller, null, ref);
            service.leave(hostCaller, null, ref);

            service.leave(annCaller, null, ref);
            service.leave(hostCaller, null, ref);

            assertThat(world.events.typesOf(meeting.id())).containsExactly("participant.left", "participant.left");
            assertThat(emptied.fired()).hasSize(1);
        }

        @Test
        void someoneWhoLeavesTheWaitingRoomIsAnnouncedToTheHostsOnly() {
            Meeting meeting = world.live(host, bob);
            meeting.changeAccess(true, null);
            Participation waiting = meeting.enter(ann, world.clock.instant());
            assertThat(waiting.state()).isEqualTo(ParticipationState.WAITING);

            service.leave(annCaller, null, meeting.id().toString());

            MeetingEvent left = world.events.last(meeting.id(), "participant.left");
            assertThat(left.about()).isEqualTo(waiting.id());
            assertThat(left.isVisibleTo(world.of(meeting, host).id(), true, null)).isTrue();
            assertThat(left.isVisibleTo(world.of(meeting, bob).id(), false, null)).as("bob never saw ann wait").isFalse();
        }

        @Test
        void onlySomeoneWhoCameInLeavesAndStrangersFindNothing() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));

            assertThatThrownBy(() -> service.leave(annCaller, null, meeting.id().toString()))
                    .isInstanceOf(ConflictException.class).hasMessage("You have not joined this meeting");
            assertThatThrownBy(() -> service.leave(bobCaller, null, meeting.id().toString()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(world.events.typesOf(meeting.id())).isEmpty();
        }

        @Test
        void aGuestLeavesByTheirTicketAndAnyoneElseMustSignInOrShowOne() {
            Meeting meeting = world.live(host);
            Participation gina = world.guest(meeting, "Gina");
            String ref = meeting.id().toString();

            assertThatThrownBy(() -> service.leave(null, "forged.ticket.value", ref))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> service.leave(null, null, ref))
                    .isInstanceOf(AuthenticationFailedException.class).hasMessage("Sign in, or present a guest ticket");
            assertThat(gina.state()).isEqualTo(ParticipationState.JOINED);

            service.leave(null, world.guestTicketOf(gina), ref);
            assertThat(gina.state()).isEqualTo(ParticipationState.LEFT);
            assertThat(world.events.last(meeting.id(), "participant.left").about()).isEqualTo(gina.id());
            assertThat(emptied.fired()).isEmpty();
        }
    }

    @Nested
    class Answering {

        @Test
        void anInviteeAnswersTheHostSeesItAndStrangersFindNothing() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com"));
            String ref = meeting.id().toString();

            MeetingDetails details = service.answer(annCaller, ref, InvitationAnswer.TENTATIVE);

            assertThat(details.participants()).filteredOn(p -> p.name().equals("ann"))
                    .extracting(MeetingDetails.Participant::answer).containsExactly(InvitationAnswer.TENTATIVE);
            assertThat(service.details(hostCaller, ref).participants()).extracting(MeetingDetails.Participant::answer)
                    .contains(InvitationAnswer.TENTATIVE);
            assertThatThrownBy(() -> service.answer(bobCaller, ref, InvitationAnswer.ACCEPTED))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.details(bobCaller, ref)).isInstanceOf(NotFoundException.class);
            assertThat(service.details(callerOf(bob, Caller.ADMIN), ref).id()).isEqualTo(meeting.id());

            service.cancel(hostCaller, ref, false);
            assertThatThrownBy(() -> service.answer(annCaller, ref, InvitationAnswer.DECLINED))
                    .isInstanceOf(ConflictException.class).hasMessage("This meeting is cancelled and takes no more answers");
        }

        @Test
        void answersFromTheHostsCalendarChangeOnlyWhatDiffersAndOnlyOfInvitees() {
            Meeting meeting = schedule(d -> d.invitees = List.of("ann@example.com", "zed@outside.org"));
            Map<String, String> answers = Map.of("ann@example.com", "DECLINED", "zed@outside.org", "TENTATIVE",
                    "host@example.com", "ACCEPTED", "nobody@example.com", "ACCEPTED");

            assertThat(service.answersFromCalendar(meeting.id(), answers)).isEqualTo(2);
            assertThat(meeting.invitees()).extracting(Participation::answer)
                    .containsExactly(InvitationAnswer.DECLINED, InvitationAnswer.TENTATIVE);
            assertThat(world.of(meeting, host).answer()).isNull();
            assertThat(service.answersFromCalendar(meeting.id(), answers)).isZero();

            service.cancel(hostCaller, meeting.id().toString(), false);
            assertThat(service.answersFromCalendar(meeting.id(), Map.of("ann@example.com", "ACCEPTED"))).isZero();
            assertThat(world.of(meeting, ann).answer()).isEqualTo(InvitationAnswer.DECLINED);
        }
    }

    @Nested
    class Listing {

        @Test
        void theCallerSeesTheirMeetingsAheadAPageAtATimeAsTheySeeThemAndThenAmongThePast() {
            Meeting bobs = stored(service.schedule(callerOf(bob, Caller.HOST), draft(d -> d.invitees = List.of("ann@example.com"))));
            service.answer(annCaller, bobs.id().toString(), InvitationAnswer.ACCEPTED);
            Meeting anns = stored(service.schedule(callerOf(ann, Caller.HOST), draft(d -> {
                d.start = "2026-12-09T10:00";
                d.end = "2026-12-09T11:00";
            })));
            schedule(d -> { }); // the host's, ann not invited

            var first = service.upcoming(annCaller, 0, 1);
            assertThat(first.total()).isEqualTo(2);
            assertThat(first.items()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(bobs.id());
                assertThat(s.hostName()).isEqualTo("bob");
                assertThat(s.youHost()).isFalse();
                assertThat(s.yourAnswer()).isEqualTo(InvitationAnswer.ACCEPTED);
            });
            assertThat(service.upcoming(annCaller, 1, 1).items()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(anns.id());
                assertThat(s.youHost()).isTrue();
                assertThat(s.yourAnswer()).isNull();
            });
            assertThat(service.past(annCaller, 0, 10).total()).isZero();

            world.clock.advance(Duration.ofDays(1).plusHours(2)); // bob's is over, never held
            assertThat(service.upcoming(annCaller, 0, 10).items()).extracting(MeetingSummary::id).containsExactly(anns.id());
            assertThat(service.past(annCaller, 0, 10).items()).extracting(MeetingSummary::id).containsExactly(bobs.id());
        }

        @Test
        void seriesAnswersFromTheCalendarReachEveryMeetingAheadButOneChangedOnItsOwn() {
            service.schedule(hostCaller, draft(d -> {
                d.invitees = List.of("ann@example.com", "zed@outside.org");
                d.recurrence = new RecurrenceInput(Recurrence.Frequency.DAILY, null, null, 3, null);
            }));
            List<Meeting> all = world.meetings.all();
            MeetingSeries series = all.get(0).series().orElseThrow();
            service.edit(hostCaller, all.get(1).id().toString(), changes(c -> c.title = "Moved on its own"), false);

            int changed = service.seriesAnswersFromCalendar(series.id(), Map.of("ann@example.com", "DECLINED"));

            assertThat(changed).as("people, not meetings").isOne();
            assertThat(world.of(all.get(0), ann).answer()).isEqualTo(InvitationAnswer.DECLINED);
            assertThat(world.of(all.get(1), ann).answer()).isNull();
            assertThat(world.of(all.get(2), ann).answer()).isEqualTo(InvitationAnswer.DECLINED);
            assertThat(service.seriesAnswersFromCalendar(series.id(), Map.of("ann@example.com", "DECLINED"))).isZero();
            assertThat(service.seriesAnswersFromCalendar(java.util.UUID.randomUUID(), Map.of())).isZero();
            assertThat(service.ofSeriesAt(series.id(), all.get(2).occurrenceStart())).contains(all.get(2).id());
            assertThat(service.nextOfSeries(series.id())).containsSame(all.get(0));
        }
    }

    @Nested
    class Availabilities {

        @Test
        void theCallersOwnMeetingsAreNamedAColleaguesOnlyMarkedBusyAndTheSuggestionsSuitEveryone() {
            schedule(d -> { }); // the host's: 09:00Z to 10:00Z
            service.schedule(callerOf(bob, Caller.HOST), draft(d -> {
                d.title = "Bob's secret";
                d.start = "2026-12-08T10:30";
                d.end = "2026-12-08T11:30";
                d.invitees = List.of("ann@example.com");
            }));

            Availability availability = service.availability(hostCaller, new AvailabilityQuery("2026-12-08T10:00",
                    "2026-12-08T11:00", "Europe/Berlin", List.of(" ANN@example.com "), null));

            assertThat(availability.start()).isEqualTo(at("2026-12-08T09:00:00Z"));
            assertThat(availability.busy()).extracting(Availability.Busy::email, Availability.Busy::you, Availability.Busy::title)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("host@example.com", true, "Planning"),
                            org.assertj.core.groups.Tuple.tuple("ann@example.com", false, null));
            assertThat(availability.suggestions()).extracting(Availability.Slot::start)
                    .containsExactly(at("2026-12-08T10:30:00Z"), at("2026-12-08T11:30:00Z"), at("2026-12-08T12:30:00Z"));
        }

        @Test
        void theMeetingBeingEditedDoesNotCountButOnlyItsHostMayNameIt() {
            Meeting meeting = schedule(d -> { });
            AvailabilityQuery sameTime = new AvailabilityQuery("2026-12-08T10:00", "2026-12-08T11:00", "Europe/Berlin",
                    null, meeting.id().toString());

            assertThat(service.availability(hostCaller, sameTime).busy()).isEmpty();
            assertThatThrownBy(() -> service.availability(bobCaller, sameTime)).isInstanceOf(NotFoundException.class);
        }
    }
}
