package io.convene.meeting;

import io.convene.shared.AccessDeniedException;
import io.convene.shared.ConflictException;
import io.convene.user.User;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A meeting: when it is, who hosts it, how people get in (code, link token, passcode, waiting room),
 * and who takes part. Its methods are the rules for changing it.
 */
@Entity
@Table(name = "meetings")
public class Meeting {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    private String agenda;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_id")
    private User host;

    @Column(nullable = false, unique = true, length = 10)
    private String code;

    @Column(name = "join_token", nullable = false, unique = true)
    private String joinToken;

    @Column(name = "passcode_hash")
    private String passcodeHash;

    /** The passcode sealed for invitations ({@link io.convene.platform.Sealing}); null without one. */
    @Column(name = "passcode_sealed")
    private String passcodeSealed;

    @Column(name = "waiting_room", nullable = false)
    private boolean waitingRoom;

    @Column(name = "allow_guests", nullable = false)
    private boolean allowGuests;

    @Embedded
    private MeetingSettings settings;

    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, invitedAt")
    private List<Participation> participations = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "unmute_allowed", nullable = false)
    private boolean unmuteAllowed = true;

    @Column(name = "private_chat_allowed", nullable = false)
    private boolean privateChatAllowed = true;

    @Column(name = "breakouts_opened_at")
    private Instant breakoutsOpenedAt;

    @Column(name = "breakouts_close_at")
    private Instant breakoutsCloseAt;

    /** The seq of the last event of this meeting's channel; events get the next one under the row lock. */
    @Column(name = "last_event_seq", nullable = false)
    private long lastEventSeq;

    /** iCalendar SEQUENCE of the invitation: raised on every change so calendars update it in place. */
    @Column(name = "calendar_sequence", nullable = false)
    private int calendarSequence;

    /** Recorded from its start: recording begins once it is live (as if the host pressed "Record"). */
    @Column(name = "record_on_start", nullable = false)
    private boolean recordOnStart;

    @Column(name = "reminder_minutes", nullable = false)
    private int reminderMinutes = MeetingReminder.DEFAULT_MINUTES;

    /** When the reminder went out; null until then (and again after the meeting moves). */
    @Column(name = "reminded_at")
    private Instant remindedAt;

    /** The recurring series this meeting is one of; null for a single meeting. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    private MeetingSeries series;

    /** The start the series' rule gave this meeting (iCalendar's RECURRENCE-ID), kept when it moves. */
    @Column(name = "occurrence_start")
    private Instant occurrenceStart;

    /** Changed on its own: its invitations say so for this occurrence, and series changes leave it be. */
    @Column(nullable = false)
    private boolean detached;

    @Version
    private long version;

    protected Meeting() {
    }

    Meeting(User host, String title, String agenda, TimeSlot slot, ZoneId zone, String code, Instant now) {
        this.id = UUID.randomUUID();
        this.host = host;
        this.title = title;
        this.agenda = agenda;
        this.startsAt = slot.start();
        this.endsAt = slot.end();
        this.timeZone = zone.getId();
        this.code = code;
        this.joinToken = MeetingSecrets.newJoinToken();
        this.status = MeetingStatus.SCHEDULED;
        this.settings = MeetingSettings.defaults();
        this.createdAt = now;
        participations.add(Participation.host(this, host));
    }

    // --- changes -------------------------------------------------------------------------------

    void describe(String title, String agenda) {
        requireOpen();
        if (title != null) {
            this.title = title;
        }
        if (agenda != null) {
            this.agenda = agenda.isBlank() ? null : agenda;
        }
    }

    void reschedule(TimeSlot slot, ZoneId zone) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new ConflictException("Only a scheduled meeting can be moved; this one is " + status.name().toLowerCase());
        }
        if (!slot.start().equals(startsAt)) {
            remindedAt = null; // moved: remind again before the new start
        }
        this.startsAt = slot.start();
        this.endsAt = slot.end();
        this.timeZone = zone.getId();
    }

    /** Minutes before the start to remind everyone; 0 for no reminder. */
    void recordFromStart(boolean record) {
        recordOnStart = record;
    }

    public boolean recordsFromStart() {
        return recordOnStart;
    }

    void remindBefore(int minutes) {
        if (minutes < 0 || minutes > MeetingReminder.MAX_MINUTES) {
            throw new IllegalArgumentException("reminder minutes out of range: " + minutes);
        }
        reminderMinutes = minutes;
    }

    public int reminderMinutes() {
        return reminderMinutes;
    }

    /** The reminder went out. */
    void reminded(Instant now) {
        remindedAt = now;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    /** Sets the passcode hash; null removes the passcode. */
    void protectWith(String passcodeHash) {
        protectWith(passcodeHash, null);
    }

    /** Sets the passcode as its hash (for checking) and sealed (for invitations); nulls remove it. */
    void protectWith(String passcodeHash, String sealed) {
        requireOpen();
        this.passcodeHash = passcodeHash;
        this.passcodeSealed = passcodeHash == null ? null : sealed;
    }

    public String sealedPasscode() {
        return passcodeSealed;
    }

    void changeAccess(Boolean waitingRoom, Boolean allowGuests) {
        requireOpen();
        if (waitingRoom != null) {
            this.waitingRoom = waitingRoom;
        }
        if (allowGuests != null) {
            this.allowGuests = allowGuests;
        }
    }

    void changeSettings(MeetingSettings settings) {
        requireOpen();
        if ((status == MeetingStatus.LIVE || hasSomeoneIn()) && settings.webinar() != this.settings.webinar()) {
            throw new ConflictException("A meeting someone is in cannot become a webinar or stop being one");
        }
        this.settings = settings;
    }

    /** Invites a user (or an address without an account); answers the new invitation, if it is one. */
    Optional<Participation> invite(User user, String email, Instant now) {
        requireOpen();
        boolean known = participations.stream().anyMatch(p -> user != null ? p.concerns(user) : p.isFor(email));
        if (known) {
            return Optional.empty();
        }
        Participation invitation = Participation.invitation(this, user, email, now);
        participations.add(invitation);
        return Optional.of(invitation);
    }

    /** An invitee answers the invitation; ended and cancelled meetings take no more answers. */
    Participation answerInvitation(User invitee, InvitationAnswer answer, Instant now) {
        if (status != MeetingStatus.SCHEDULED && status != MeetingStatus.LIVE) {
            throw new ConflictException("This meeting is " + status.name().toLowerCase()
                    + " and takes no more answers");
        }
        Participation invitation = participationOf(invitee)
                .orElseThrow(() -> new ConflictException("Only invitees answer an invitation"));
        invitation.answer(answer, now);
        return invitation;
    }

    /** A change the invitees' calendars must pick up. */
    void revise() {
        calendarSequence++;
    }

    public int calendarSequence() {
        return calendarSequence;
    }

    /** Everyone invited, but not the host. */
    public List<Participation> invitees() {
        return participations.stream().filter(p -> p.invitedAt() != null && p.role() != MeetingRole.HOST).toList();
    }

    void cancel() {
        if (status == MeetingStatus.CANCELLED) {
            return;
        }
        if (status != MeetingStatus.SCHEDULED) {
            throw new ConflictException("Only a scheduled meeting can be cancelled; this one is "
                    + status.name().toLowerCase());
        }
        status = MeetingStatus.CANCELLED;
        calendarSequence++;
    }

    // --- joining -------------------------------------------------------------------------------

    /** Whether this user must give the passcode: everyone but the host, when there is one. */
    boolean asksPasscodeOf(User user) {
        return passcodeHash != null && !(user != null && user.id().equals(host.id()));
    }

    /**
     * What the meeting's link carries in place of its passcode, so an invitation lets people in with
     * one click: derived from the link's token and the passcode's salted hash, it tells nothing of the
     * passcode and stops working when the passcode changes. None without a passcode.
     */
    public String passcodeKey() {
        return passcodeKey(joinToken);
    }

    /** The key a link with {@code token} carries for this meeting's passcode. */
    String passcodeKey(String token) {
        if (passcodeHash == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("convene-passcode-key:" + token + ":"
                    + passcodeHash).getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Whether {@code candidate} is this meeting's passcode key (from its link, or its series' link). */
    boolean passcodeKeyIs(String candidate) {
        return sameKey(passcodeKey(), candidate) || (series != null && sameKey(passcodeKey(series.joinToken()), candidate));
    }

    private static boolean sameKey(String key, String candidate) {
        return key != null && candidate != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /** Checks the passcode of anyone but the host; a wrong or missing passcode is refused. */
    void checkPasscode(User user, String passcode) {
        if (asksPasscodeOf(user) && !Passcode.matches(passcode, passcodeHash)) {
            throw new AccessDeniedException(passcode == null || passcode.isEmpty()
                    ? "This meeting needs a passcode" : "Wrong passcode");
        }
    }

    /** The user asks to enter: hosts and co-hosts go in, others may have to wait. */
    Participation enter(User user, Instant now) {
        requireOpen();
        Optional<Participation> known = participationOf(user);
        if (known.isPresent() && known.get().state() == ParticipationState.REMOVED) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        boolean isHost = isHostedBy(user);
        if (locked && !isHost && !(known.isPresent() && known.get().state() == ParticipationState.JOINED)) {
            throw new AccessDeniedException("This meeting is locked");
        }
        Participation p = known.orElseGet(() -> {
            Participation walkIn = Participation.walkIn(this, user);
            participations.add(walkIn);
            return walkIn;
        });
        p.claimBy(user);
        admitOrQueue(p, this::hostPresent, now);
        return p;
    }

    /**
     * A guest asks to enter. What it takes to know about the others comes as answers, so that a
     * meeting of a thousand is not loaded for each guest who comes in.
     *
     * @param device        the id their browser keeps for Convene (null: none yet)
     * @param earlier       the participation their earlier guest ticket names (null: none)
     * @param removedGuests the guests removed from this meeting so far
     * @param hostPresent   whether a host is in the meeting now
     */
    Participation enterAsGuest(String displayName, String device, UUID earlier, List<Participation> removedGuests,
                               boolean hostPresent, Instant now) {
        requireOpen();
        if (!allowGuests) {
            throw new AccessDeniedException("This meeting does not admit guests without an account");
        }
        if (removedGuests.stream().anyMatch(p -> p.cameFrom(device) || p.id().equals(earlier))) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        if (locked) {
            throw new AccessDeniedException("This meeting is locked");
        }
        Participation p = Participation.guest(this, displayName, device);
        participations.add(p); // queued by Hibernate while the others are not loaded
        admitOrQueue(p, () -> hostPresent, now);
        return p;
    }

    /**
     * A guest's page comes back (reloaded, in the same tab) with its ticket still valid: the same
     * participation enters again, as it was — a webinar's stage, say — under
     * the name given this time, instead of a second one beside it.
     */
    Participation guestReturns(Participation returning, String displayName, boolean hostPresent, Instant now) {
        requireOpen();
        if (!allowGuests) {
            throw new AccessDeniedException("This meeting does not admit guests without an account");
        }
        if (returning.state() == ParticipationState.REMOVED) {
            throw new AccessDeniedException("You were removed from this meeting");
        }
        if (locked && returning.state() != ParticipationState.JOINED) {
            throw new AccessDeniedException("This meeting is locked");
        }
        returning.nameGuest(displayName);
        admitOrQueue(returning, () -> hostPresent, now);
        return returning;
    }

    void leave(Participation participation, Instant now) {
        participation.leave(now);
    }

    private void admitOrQueue(Participation p, java.util.function.BooleanSupplier hostPresent, Instant now) {
        if (p.role().bypassesWaitingRoom() || (!waitingRoom && (hostPresent.getAsBoolean() || settings.joinBeforeHost()))) {
            p.enter(now);
        } else {
            p.waitForAdmission(now);
        }
        if (p.role() == MeetingRole.HOST && p.state() == ParticipationState.JOINED) {
            status = MeetingStatus.LIVE;
            if (!waitingRoom) {
                participations.stream().filter(w -> w.state() == ParticipationState.WAITING)
                        .forEach(w -> w.enter(now));
            }
        }
    }

    // --- host controls -------------------------------------------------------------------------

    void admit(Participation p, Instant now) {
        requireOpen();
        if (p.state() != ParticipationState.WAITING) {
            throw new ConflictException("Only someone in the waiting room can be admitted");
        }
        p.enter(now);
    }

    /** Admits everyone in the waiting room; answers whom. */
    List<Participation> admitAll(Instant now) {
        requireOpen();
        List<Participation> waiting = participations.stream()
                .filter(p -> p.state() == ParticipationState.WAITING).toList();
        waiting.forEach(p -> p.enter(now));
        return waiting;
    }

    void deny(Participation p, Instant now) {
        requireOpen();
        if (p.state() != ParticipationState.WAITING) {
            throw new ConflictException("Only someone in the waiting room can be denied");
        }
        p.deny(now);
    }

    void makeCoHost(Participation p) {
        requireOpen();
        requireMember(p, "co-host");
        if (p.role() == MeetingRole.HOST) {
            throw new ConflictException("The host is already in charge");
        }
        p.changeRole(MeetingRole.CO_HOST);
    }

    void makeParticipant(Participation p) {
        requireOpen();
        if (p.role() != MeetingRole.CO_HOST) {
            throw new ConflictException("Only a co-host can be demoted");
        }
        p.changeRole(MeetingRole.PARTICIPANT);
        if (settings.webinar()) {
            p.keepOnStage(); // a co-host who stops running a webinar stays on its stage, as they were
        }
    }

    // --- webinars ------------------------------------------------------------------------------------

    /**
     * Whether the participant is seen and heard: everyone in a meeting; in a webinar the hosts,
     * co-hosts and panelists, while the audience watches and listens.
     */
    public boolean onStage(Participation p) {
        return !settings.webinar() || p.role() != MeetingRole.PARTICIPANT || p.isPanelist();
    }

    /** A host brings someone of a webinar's audience onto its stage: they may turn their camera and microphone on. */
    void makePanelist(Participation p) {
        requireStageChange(p);
        if (!p.isPanelist()) { // asked twice (two co-hosts at once): nothing of theirs changes
            p.panelist(true);
        }
    }

    /** A host sends a panelist back to the audience: their camera, microphone and screen go off. */
    void moveToAudience(Participation p) {
        requireStageChange(p);
        if (p.isPanelist()) {
            p.panelist(false);
        }
    }

    private void requireStageChange(Participation p) {
        requireInMeeting(p);
        if (!settings.webinar()) {
            throw new ConflictException("Only a webinar has panelists: everyone in this meeting is seen and heard");
        }
        if (p.role() != MeetingRole.PARTICIPANT) {
            throw new ConflictException("Hosts and co-hosts are always on the stage");
        }
    }

    /** Refuses what would make someone of a webinar's audience seen or heard. */
    public void requireOnStage(Participation p) {
        if (!onStage(p)) {
            throw new AccessDeniedException("In a webinar only the hosts and panelists are seen and heard");
        }
    }

    /** Hands the meeting over: the target becomes host, the host stays on as co-host. */
    void handOverTo(Participation p) {
        requireOpen();
        requireMember(p, "host");
        if (p.role() == MeetingRole.HOST) {
            return;
        }
        participations.stream().filter(h -> h.role() == MeetingRole.HOST)
                .forEach(h -> h.changeRole(MeetingRole.CO_HOST));
        p.changeRole(MeetingRole.HOST);
        host = p.user();
    }

    void remove(Participation p, Instant now) {
        requireOpen();
        if (p.role() == MeetingRole.HOST) {
            throw new ConflictException("The host cannot be removed; hand the meeting over first");
        }
        p.remove(now);
    }

    /** Lets a removed person come back (they may ask to join again, through the waiting room if there is one). */
    void allowBack(Participation p) {
        requireOpen();
        p.allowBack();
    }

    void lock() {
        requireOpen();
        locked = true;
    }

    void unlock() {
        requireOpen();
        locked = false;
    }

    /** Ends the meeting for everyone: all who are in it or waiting leave. */
    void endForAll(Instant now) {
        requireOpen();
        participations.stream().filter(p -> p.state().isPresent()).forEach(p -> p.leave(now));
        closeBreakouts();
        status = MeetingStatus.ENDED;
        endedAt = now;
    }

    // --- microphones, cameras, screens ------------------------------------------------------------

    /** A participant turns their microphone on or off; unmuting may be forbidden by the host. */
    void audio(Participation p, boolean on) {
        requireInMeeting(p);
        if (on && !unmuteAllowed && !p.isHostOrCoHost()) {
            throw new AccessDeniedException("The host does not allow participants to unmute");
        }
        if (on) {
            requireOnStage(p);
        }
        p.audio(on);
    }

    void video(Participation p, boolean on) {
        requireInMeeting(p);
        if (on) {
            requireOnStage(p);
        }
        p.video(on);
    }

    void startScreenShare(Participation p) {
        requireInMeeting(p);
        requireOnStage(p);
        Optional<Participation> other = participations.stream()
                .filter(q -> q.sharingScreen() && q != p).findFirst();
        if (other.isPresent() && !settings.severalScreenShares()) {
            throw new ConflictException(other.get().displayName() + " is sharing their screen");
        }
        p.screen(true);
    }

    void stopScreenShare(Participation p) {
        p.screen(false);
    }

    /** Raises or lowers a hand: one's own, or anyone's when lowered by a host. */
    void hand(Participation p, boolean raised, Instant now) {
        requireInMeeting(p);
        p.hand(raised, now);
    }

    /** The raised hands, first raised first. */
    public List<Participation> raisedHands() {
        return participations.stream().filter(p -> p.handRaisedAt() != null)
                .sorted(java.util.Comparator.comparing(Participation::handRaisedAt)).toList();
    }

    /** Mutes everyone but the host and co-hosts; answers whom it muted. */
    List<Participation> muteAll() {
        requireOpen();
        List<Participation> muted = participations.stream()
                .filter(p -> p.audioOn() && !p.isHostOrCoHost()).toList();
        muted.forEach(p -> p.audio(false));
        return muted;
    }

    void allowUnmute(boolean allowed) {
        requireOpen();
        unmuteAllowed = allowed;
    }

    void allowPrivateChat(boolean allowed) {
        requireOpen();
        privateChatAllowed = allowed;
    }

    /** Checks that a participant may post now (to one other participant when {@code to} is set). */
    public void requireMayChat(Participation from, Participation to) {
        requireInMeeting(from);
        if (to != null) {
            if (!privateChatAllowed && !from.isHostOrCoHost()) {
                throw new AccessDeniedException("The host has turned private chat off");
            }
            if (to == from || !to.maySeeMeeting()) {
                throw new ConflictException("Private messages go to someone else in the meeting");
            }
        }
    }

    // --- breakout rooms ------------------------------------------------------------------------

    /** Puts a participant in a room (null: the main room). Hosts move people before or during. */
    public void assign(Participation p, UUID room) {
        requireInMeeting(p);
        p.moveTo(room);
    }

    /** Opens the rooms (everyone assigned goes there), optionally closing them by themselves at {@code closeAt}. */
    public void openBreakouts(Instant now, Instant closeAt) {
        requireOpen();
        if (breakoutsOpenedAt != null) {
            throw new ConflictException("The breakout rooms are already open");
        }
        breakoutsOpenedAt = now;
        breakoutsCloseAt = closeAt;
    }

    /** Closes the rooms: everyone returns to the main room. Answers whether they were open. */
    public boolean closeBreakouts() {
        if (breakoutsOpenedAt == null) {
            return false;
        }
        breakoutsOpenedAt = null;
        breakoutsCloseAt = null;
        clearRooms();
        return true;
    }

    /** Takes everyone out of the rooms (before the rooms are replaced). */
    public void clearRooms() {
        participations.forEach(p -> p.moveTo(null));
    }

    /**
     * Starts the countdown back to the main room: the rooms close by themselves at {@code closeAt}
     * (sooner than a timer they had).
     */
    public void closeBreakoutsAt(Instant closeAt) {
        if (breakoutsOpenedAt == null) {
            throw new ConflictException("The breakout rooms are not open");
        }
        if (breakoutsCloseAt == null || closeAt.isBefore(breakoutsCloseAt)) {
            breakoutsCloseAt = closeAt;
        }
    }

    public boolean breakoutsOpen() {
        return breakoutsOpenedAt != null;
    }

    /**
     * Where a participant's media is: their breakout room's own media room while the rooms are open
     * and they are in one, else the meeting's (its id). People in different rooms neither see nor
     * hear each other.
     */
    public UUID mediaRoomOf(Participation p) {
        return breakoutsOpen() && p.roomId() != null ? p.roomId() : id;
    }

    public Instant breakoutsCloseAt() {
        return breakoutsCloseAt;
    }

    public void requireInMeeting(Participation p) {
        requireOpen();
        if (p.state() != ParticipationState.JOINED) {
            throw new ConflictException("Only someone in the meeting can do this");
        }
    }

    long nextEventSeq() {
        return ++lastEventSeq;
    }

    private static void requireMember(Participation p, String what) {
        if (p.isGuest() || p.user() == null) {
            throw new ConflictException("Only a signed-in participant can be made " + what);
        }
    }

    private boolean hostPresent() {
        return participations.stream()
                .anyMatch(p -> p.role() == MeetingRole.HOST && p.state() == ParticipationState.JOINED);
    }

    private void requireOpen() {
        if (status == MeetingStatus.CANCELLED) {
            throw new ConflictException("This meeting was cancelled");
        }
        if (status == MeetingStatus.ENDED) {
            throw new ConflictException("This meeting has ended");
        }
    }

    // --- questions -----------------------------------------------------------------------------

    public boolean isHostedBy(User user) {
        return host.id().equals(user.id());
    }

    /** Host, invitee or anyone who has been in it: those who may see the meeting. */
    public boolean concerns(User user) {
        return isHostedBy(user) || participationOf(user).isPresent();
    }

    public Optional<Participation> participationOf(User user) {
        return participations.stream().filter(p -> !p.isGuest() && p.concerns(user)).findFirst();
    }

    public Optional<Participation> participation(UUID participationId) {
        return participations.stream().filter(p -> p.id().equals(participationId)).findFirst();
    }

    /** The link's token: this meeting's own, or its series' (the link in the series' invitations). */
    public boolean joinTokenIs(String candidate) {
        return candidate != null && (MessageDigest.isEqual(joinToken.getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII)) || (series != null && series.joinTokenIs(candidate)));
    }

    // --- series ----------------------------------------------------------------------------------

    void joinSeries(MeetingSeries recurring, Instant ruleStart) {
        this.series = recurring;
        this.occurrenceStart = ruleStart;
    }

    public Optional<MeetingSeries> series() {
        return Optional.ofNullable(series);
    }

    /** The start the series' rule gave this meeting; null for a single meeting. */
    public Instant occurrenceStart() {
        return occurrenceStart;
    }

    public boolean isDetached() {
        return detached;
    }

    /** This occurrence was changed on its own. */
    void detach() {
        if (series != null) {
            detached = true;
        }
    }

    /** Over for joining: ended, cancelled, or never started and past its end. */
    boolean isOver(Instant now) {
        return status == MeetingStatus.ENDED || status == MeetingStatus.CANCELLED
                || (status == MeetingStatus.SCHEDULED && !endsAt.isAfter(now));
    }

    public TimeSlot slot() {
        return new TimeSlot(startsAt, endsAt);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String agenda() {
        return agenda;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public MeetingStatus status() {
        return status;
    }

    public User host() {
        return host;
    }

    public String code() {
        return code;
    }

    public String joinToken() {
        return joinToken;
    }

    public boolean hasPasscode() {
        return passcodeHash != null;
    }

    public boolean hasWaitingRoom() {
        return waitingRoom;
    }

    public boolean allowsGuests() {
        return allowGuests;
    }

    public MeetingSettings settings() {
        return settings;
    }

    /** Whether anyone is in the meeting now (the waiting room does not count). */
    public boolean hasSomeoneIn() {
        return participations.stream().anyMatch(p -> p.state() == ParticipationState.JOINED);
    }

    public List<Participation> participations() {
        return List.copyOf(participations);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean unmuteAllowed() {
        return unmuteAllowed;
    }

    public boolean privateChatAllowed() {
        return privateChatAllowed;
    }

    public long lastEventSeq() {
        return lastEventSeq;
    }

    /** Host or co-host right now. */
    public boolean isRunBy(User user) {
        return participationOf(user).map(Participation::isHostOrCoHost).orElse(false);
    }
}
