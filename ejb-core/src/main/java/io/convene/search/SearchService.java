package io.convene.search;

import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.User;
import io.convene.user.UserService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Search over people, meetings and chat, always within what the caller may see: everyone finds
 * active colleagues, compliance officers and administrators deactivated people too (leavers, whose
 * data they export, hold or erase); meetings only those one hosts, is invited to or joined (administrators and
 * compliance officers all); chat only in meetings one attended, private messages only one's own,
 * messages of breakout rooms only one's own and, for hosts, all (rooms change; who was in which is not kept);
 * nothing said in a meeting after one was removed from it.
 */
@Stateless
public class SearchService {

    private static final int MAX = 50;

    @Inject
    SearchIndex index;

    @Inject
    UserService users;

    /** {@code active}: false for a deactivated person (only compliance officers and administrators find them). */
    public record PersonHit(UUID id, String name, String email, String department, boolean active) {
    }

    public record MeetingHit(UUID id, String title, Instant startsAt, Instant endsAt, String status, String hostName) {
    }

    public record MessageHit(UUID id, UUID meetingId, String meetingTitle, String sender, String content, Instant sentAt,
                             boolean privateMessage) {
    }

    /** By name or address: prefix, or similar enough to forgive a typo or two. */
    public List<PersonHit> people(Caller caller, String typed, int limit) {
        users.current(caller);
        boolean everyone = caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER);
        return index.people(SearchTerms.person(typed), everyone, bounded(limit));
    }

    /** By words of the title or agenda (prefixes), a date range and a participant's address; each optional but one. */
    public List<MeetingHit> meetings(Caller caller, String typed, Instant from, Instant to, String participant, int limit) {
        User me = users.current(caller);
        if ((typed == null || typed.isBlank()) && from == null && to == null && participant == null) {
            throw new InvalidInputException("q", "give words, a date range or a participant");
        }
        boolean all = caller.isAdmin() || caller.roles().contains(Caller.COMPLIANCE_OFFICER);
        int max = bounded(limit);
        return index.meetings(new SearchIndex.MeetingCriteria(
                all ? null : new SearchIndex.Viewer(me.id(), me.email(), me.emailVerified()),
                typed == null || typed.isBlank() ? null : SearchTerms.prefixQuery(typed), from, to,
                participant == null ? null : User.normalizeEmail(participant), max));
    }

    /** Chat messages with these words, in meetings the caller attended (one meeting when given). */
    public List<MessageHit> messages(Caller caller, String typed, UUID meetingId, int limit) {
        User me = users.current(caller);
        return index.messages(me.id(), SearchTerms.prefixQuery(typed), meetingId, bounded(limit));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
