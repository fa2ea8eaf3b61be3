package io.convene.meeting;

import io.convene.audit.AuditEntry;
import io.convene.audit.AuditTrail;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import io.convene.user.UserStatus;
import io.convene.shared.AccountDeactivatedException;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.convene.shared.Jsons;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Host controls ({@code POST /api/meetings/{id}/control}): admit and deny, co-hosts, hand-over,
 * remove, lock, end. Administrators may do all but the role changes to any meeting. Each runs under the meeting's row lock, is written to the audit trail and
 * announced on the meeting's channel, all in one transaction.
 */
@Stateless
public class MeetingControls {

    private static final Logger LOG = Logger.getLogger(MeetingControls.class.getName());

    @Inject
    MeetingRepository meetings;

    @Inject
    UserService users;

    @Inject
    MeetingEventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    JoinLinks links;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<MeetingNews> news;

    @Inject
    jakarta.enterprise.event.Event<MeetingLifecycle.Ended> ended;

    public MeetingDetails control(Caller caller, String reference, ControlRequest request) {
        Meeting meeting = meetings.lockedByReference(reference).orElseThrow(MeetingService::notFound);
        User actor = users.current(caller);
        if (!(caller.isAdmin() && request.action().byAdministrators())) {
            requireAllowed(meeting, actor, request.action());
        }
        return apply(meeting, actor, request);
    }

    /** A control sent on the channel by the participant it was opened for. */
    public MeetingDetails controlAs(UUID meetingId, UUID participationId, ControlRequest request) {
        Meeting meeting = meetings.lockedByReference(meetingId.toString()).orElseThrow(MeetingService::notFound);
        User actor = meeting.participation(participationId).map(Participation::user)
                .orElseThrow(() -> new AccessDeniedException("Only the host and co-hosts may do this"));
        if (actor.status() == UserStatus.DISABLED) { // the socket was opened before the deactivation
            throw new AccountDeactivatedException();
        }
        requireAllowed(meeting, actor, request.action());
        return apply(meeting, actor, request);
    }

    private MeetingDetails apply(Meeting meeting, User actor, ControlRequest request) {
        Participation target = target(meeting, request);
        Instant now = clock.instant();

        switch (request.action()) {
            case ADMIT -> {
                meeting.admit(target, now);
                events.recordForAll(meeting, "participant.admitted", target);
                news.fire(new MeetingNews.Admitted(meeting, java.util.List.of(target)));
            }
            case DENY -> {
                meeting.deny(target, now);
                events.record(meeting, "participant.denied", MeetingEventLog.describe(target), EventAudience.ONE, target);
            }
            case ADMIT_ALL -> {
                java.util.List<Participation> admitted = meeting.admitAll(now);
                for (Participation p : admitted) {
                    events.recordForAll(meeting, "participant.admitted", p);
                }
                news.fire(new MeetingNews.Admitted(meeting, admitted));
            }
            case REMOVE -> {
                meeting.remove(target, now);
                events.recordForAll(meeting, "participant.removed", target);
                news.fire(new MeetingNews.Removed(meeting, target));
            }
            case ALLOW_BACK -> {
                meeting.allowBack(target);
                events.record(meeting, "participant.allowed-back", MeetingEventLog.describe(target), EventAudience.HOSTS, null);
            }
            case LOCK -> {
                meeting.lock();
                events.record(meeting, "meeting.locked", Jsons.createObjectBuilder(), EventAudience.ALL, null);
            }
            case UNLOCK -> {
                meeting.unlock();
                events.record(meeting, "meeting.unlocked", Jsons.createObjectBuilder(), EventAudience.ALL, null);
            }
            case MAKE_CO_HOST -> {
                meeting.makeCoHost(target);
                events.recordForAll(meeting, "participant.role", target);
            }
            case MAKE_PARTICIPANT -> {
                meeting.makeParticipant(target);
                events.recordForAll(meeting, "participant.role", target);
            }
            case MAKE_HOST -> {
                List<Participation> formerHosts = meeting.participations().stream()
                        .filter(p -> p.role() == MeetingRole.HOST).toList();
                meeting.handOverTo(target);
                formerHosts.forEach(p -> events.recordForAll(meeting, "participant.role", p));
                events.recordForAll(meeting, "participant.role", target);
            }
            case END -> {
                meeting.endForAll(now);
                events.record(meeting, "meeting.ended", Jsons.createObjectBuilder(), EventAudience.ALL, null);
                ended.fire(new MeetingLifecycle.Ended(meeting.id()));
            }
            case MUTE -> {
                meeting.audio(target, false);
                events.recordForAll(meeting, "participant.media", target);
            }
            case MUTE_ALL -> {
                for (Participation muted : meeting.muteAll()) {
                    events.recordForAll(meeting, "participant.media", muted);
                }
            }
            case STOP_VIDEO -> {
                meeting.video(target, false);
                events.recordForAll(meeting, "participant.media", target);
            }
            case STOP_SCREEN_SHARE -> {
                meeting.stopScreenShare(target);
                events.recordForAll(meeting, "participant.media", target);
            }
            case MAKE_PANELIST -> {
                meeting.makePanelist(target);
                events.recordForAll(meeting, "participant.role", target);
            }
            case MAKE_AUDIENCE -> {
                meeting.moveToAudience(target);
                events.recordForAll(meeting, "participant.role", target);
            }
            case LOWER_HAND -> {
                meeting.hand(target, false, now);
                events.recordForAll(meeting, "participant.hand", target);
            }
            case ALLOW_PRIVATE_CHAT, FORBID_PRIVATE_CHAT -> {
                meeting.allowPrivateChat(request.action() == ControlAction.ALLOW_PRIVATE_CHAT);
                events.record(meeting, "meeting.private-chat", Jsons.createObjectBuilder()
                        .add("allowed", meeting.privateChatAllowed()), EventAudience.ALL, null);
            }
            case ALLOW_UNMUTE, FORBID_UNMUTE -> {
                meeting.allowUnmute(request.action() == ControlAction.ALLOW_UNMUTE);
                events.record(meeting, "meeting.unmute", Jsons.createObjectBuilder().add("allowed", meeting.unmuteAllowed()),
                        EventAudience.ALL, null);
            }
        }
        // ids only: the trail is append-only, so it must hold nothing an erasure would have to remove
        audit.record(new AuditEntry(meeting.id(), actor.id(), request.action().name(),
                target == null ? null : target.id(), null, now));
        LOG.info(() -> "User " + actor.id() + " did " + request.action() + " in meeting " + meeting.id()
                + (target == null ? "" : " to participation " + target.id()));
        return links.details(meeting);
    }

    private static void requireAllowed(Meeting meeting, User actor, ControlAction action) {
        if (!meeting.concerns(actor)) {
            throw MeetingService.notFound();
        }
        boolean host = meeting.participationOf(actor).map(p -> p.role() == MeetingRole.HOST).orElse(false)
                || meeting.isHostedBy(actor);
        if (action.hostOnly() ? !host : !(host || meeting.isRunBy(actor))) {
            throw new AccessDeniedException(action.hostOnly() ? "Only the host may do this"
                    : "Only the host and co-hosts may do this");
        }
    }

    private static Participation target(Meeting meeting, ControlRequest request) {
        if (!request.action().needsTarget()) {
            return null;
        }
        if (request.participationId() == null) {
            throw new InvalidInputException("participationId", "this action needs the participant it acts on");
        }
        return meeting.participation(request.participationId())
                .orElseThrow(() -> new NotFoundException("No such participant in this meeting"));
    }
}
