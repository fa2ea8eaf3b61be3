package io.convene.meeting;

import io.convene.shared.ConflictException;
import io.convene.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One person's place in one meeting: an invited or joining user, or a guest without an account. Its
 * state follows from its times: invited, waiting (asked to join, not admitted yet), joined, left.
 */
@Entity
@Table(name = "participations")
public class Participation {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    /** The invited address, for invitees who have no account yet. */
    @Column(name = "invited_email")
    private String invitedEmail;

    @Column(name = "guest_name")
    private String guestName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingRole role;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "admitted_at")
    private Instant admittedAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    /** The visits that have ended (the current one, if any, is joinedAt until now). */
    @jakarta.persistence.ElementCollection(fetch = FetchType.LAZY)
    @jakarta.persistence.CollectionTable(name = "participation_visits",
            joinColumns = @JoinColumn(name = "participation_id"))
    private java.util.Set<Visit> visits = new java.util.HashSet<>();

    @Column(name = "denied_at")
    private Instant deniedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    /** The browser a guest came from (a random id kept in a cookie there): a removed guest is known by it. */
    @Column(name = "guest_device")
    private String guestDevice;

    @Column(name = "audio_on", nullable = false)
    private boolean audioOn;

    @Column(name = "video_on", nullable = false)
    private boolean videoOn;

    @Column(name = "sharing_screen", nullable = false)
    private boolean sharingScreen;

    /** In a webinar: seen and heard, though not a host (see {@link Meeting#onStage}). */
    @Column(name = "panelist", nullable = false)
    private boolean panelist;

    /** When the hand went up; null when it is down. The queue is ordered by it. */
    @Column(name = "hand_raised_at")
    private Instant handRaisedAt;

    /** The breakout room this participant is in; null: the main room. */
    @Enumerated(EnumType.STRING)
    @Column(name = "answer")
    private InvitationAnswer answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "room_id")
    private UUID roomId;

    @Embedded
    private ParticipantActivity activity = new ParticipantActivity();

    protected Participation() {
    }

    private Participation(Meeting meeting, User user, String invitedEmail, String guestName, MeetingRole role) {
        this.id = UUID.randomUUID();
        this.meeting = meeting;
        this.user = user;
        this.invitedEmail = invitedEmail;
        this.guestName = guestName;
        this.role = role;
    }

    static Participation host(Meeting meeting, User host) {
        return new Participation(meeting, host, null, null, MeetingRole.HOST);
    }

    static Participation invitation(Meeting meeting, User user, String email, Instant now) {
        Participation p = new Participation(meeting, user, user == null ? User.normalizeEmail(email) : null, null,
                MeetingRole.PARTICIPANT);
        p.invitedAt = now;
        return p;
    }

    static Participation walkIn(Meeting meeting, User user) {
        return new Participation(meeting, user, null, null, MeetingRole.PARTICIPANT);
    }

    static Participation guest(Meeting meeting, String displayName, String device) {
        Participation p = new Participation(meeting, null, null, displayName, MeetingRole.PARTICIPANT);
        p.guestDevice = device;
        return p;
    }

    void waitForAdmission(Instant now) {
        leftAt = null;
        joinedAt = null;
        deniedAt = null;
        if (waitingSince == null) {
            waitingSince = now;
        }
    }

    void enter(Instant now) {
        if (state() == ParticipationState.JOINED) {
            return;
        }
        waitingSince = null;
        leftAt = null;
        deniedAt = null;
        if (admittedAt == null) {
            admittedAt = now;
        }
        joinedAt = now;
        activity.entered(now);
        MeetingSettings settings = meeting.settings();
        boolean onStage = meeting.onStage(this); // a webinar's audience enters with nothing on
        audioOn = onStage && settings.audioOnEntry();
        videoOn = onStage && settings.videoOnEntry();
        sharingScreen = false;
    }

    void leave(Instant now) {
        if (state() == ParticipationState.JOINED || state() == ParticipationState.WAITING) {
            if (state() == ParticipationState.JOINED) {
                activity.left(joinedAt, now);
                visits.add(new Visit(joinedAt, now));
            }
            waitingSince = null;
            leftAt = now;
            mediaOff();
        }
    }

    void mediaOff() {
        audioOn = false;
        videoOn = false;
        sharingScreen = false;
        handRaisedAt = null;
    }

    void hand(boolean raised, Instant now) {
        if (!raised) {
            handRaisedAt = null;
        } else if (handRaisedAt == null) {
            handRaisedAt = now;
            activity.count(ParticipantActivity.Kind.HAND_RAISED);
        }
    }

    /** Counts something this participant did in the meeting (a message sent, a vote cast...). */
    public void counted(ParticipantActivity.Kind kind) {
        activity.count(kind);
    }

    public ParticipantActivity activity() {
        return activity;
    }

    /** The invitee's answer: only someone invited answers, and only while the meeting is ahead or live. */
    void answer(InvitationAnswer given, Instant now) {
        if (invitedAt == null || role == MeetingRole.HOST) {
            throw new ConflictException("Only invitees answer an invitation");
        }
        answer = given;
        answeredAt = now;
    }

    public InvitationAnswer answer() {
        return answer;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant handRaisedAt() {
        return handRaisedAt;
    }

    public UUID roomId() {
        return roomId;
    }

    void moveTo(UUID room) {
        roomId = room;
    }

    void audio(boolean on) {
        audioOn = on;
    }

    void video(boolean on) {
        videoOn = on;
    }

    void screen(boolean on) {
        sharingScreen = on;
    }

    public boolean audioOn() {
        return audioOn;
    }

    public boolean videoOn() {
        return videoOn;
    }

    public boolean sharingScreen() {
        return sharingScreen;
    }

    public boolean isPanelist() {
        return panelist;
    }

    /** Stays on a webinar's stage as a panelist, microphone and camera as they are (a former co-host). */
    void keepOnStage() {
        panelist = true;
    }

    /**
     * Onto a webinar's stage (their camera as the meeting's entry setting says; their microphone
     * stays off until they turn it on), or back to its audience: off the stage, nothing of theirs is on.
     */
    void panelist(boolean on) {
        panelist = on;
        audioOn = false;
        videoOn = on && meeting.settings().videoOnEntry();
        sharingScreen = false;
    }

    /** Turned away from the waiting room; they may knock again. */
    void deny(Instant now) {
        waitingSince = null;
        deniedAt = now;
    }

    /** Put out of the meeting for good: they cannot come back. */
    void remove(Instant now) {
        waitingSince = null;
        removedAt = now;
        mediaOff();
        panelist = false; // let back in, they come back to the audience
        if (joinedAt != null && leftAt == null) {
            activity.left(joinedAt, now);
            visits.add(new Visit(joinedAt, now));
            leftAt = now;
        }
    }

    /** The host lets a removed person come back: they are as if they had left, and may ask to join again. */
    void allowBack() {
        if (removedAt == null) {
            throw new ConflictException("Only someone who was removed can be let back");
        }
        removedAt = null;
    }

    /** Whether this guest came from that browser (null: unknown). */
    boolean cameFrom(String device) {
        return device != null && device.equals(guestDevice);
    }

    /**
     * Whether they may see what goes on in the meeting now: let in once, and not knocking again,
     * turned away or removed. Until admitted, a person sees only their own waiting state.
     */
    public boolean maySeeMeeting() {
        ParticipationState s = state();
        return admittedAt != null && s != ParticipationState.WAITING && s != ParticipationState.DENIED
                && s != ParticipationState.REMOVED;
    }

    public Instant removedAt() {
        return removedAt;
    }

    void changeRole(MeetingRole newRole) {
        role = newRole;
    }

    public ParticipationState state() {
        if (removedAt != null) {
            return ParticipationState.REMOVED;
        }
        if (deniedAt != null) {
            return ParticipationState.DENIED;
        }
        if (leftAt != null) {
            return ParticipationState.LEFT;
        }
        if (joinedAt != null) {
            return ParticipationState.JOINED;
        }
        if (waitingSince != null) {
            return ParticipationState.WAITING;
        }
        return ParticipationState.INVITED;
    }

    /**
     * This participation is the candidate's: theirs, or an invitation to their address once the
     * address is verified as theirs (anyone can register with anyone's address).
     */
    boolean concerns(User candidate) {
        return (user != null && user.id().equals(candidate.id())) || invitesByAddress(candidate);
    }

    /** This participation is for the address: an invitation to it, or a person whose verified address it is. */
    boolean isFor(String email) {
        return invitedEmail != null ? invitedEmail.equals(email)
                : user != null && user.emailVerified() && user.email().equals(email);
    }

    /** Binds an e-mail invitation to the account that now exists, with a verified address, for that address. */
    void claimBy(User account) {
        if (user == null && invitesByAddress(account)) {
            user = account;
            invitedEmail = null;
        }
    }

    private boolean invitesByAddress(User candidate) {
        return invitedEmail != null && candidate.emailVerified() && invitedEmail.equals(candidate.email());
    }

    public UUID id() {
        return id;
    }

    public Meeting meeting() {
        return meeting;
    }

    public User user() {
        return user;
    }

    public boolean isGuest() {
        return guestName != null;
    }

    /** A returning guest goes by the name they gave this time (the join page offers the last one). */
    void nameGuest(String name) {
        if (guestName != null && name != null && !name.isBlank()) {
            guestName = name;
        }
    }

    public String displayName() {
        return guestName != null ? guestName : user != null ? user.name() : invitedEmail;
    }

    public String email() {
        return user != null ? user.email() : invitedEmail;
    }

    public MeetingRole role() {
        return role;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Instant admittedAt() {
        return admittedAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant leftAt() {
        return leftAt;
    }

    public boolean isHostOrCoHost() {
        return role != MeetingRole.PARTICIPANT;
    }
}
