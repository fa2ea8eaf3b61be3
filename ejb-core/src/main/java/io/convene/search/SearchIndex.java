package io.convene.search;

import io.convene.search.SearchService.MeetingHit;
import io.convene.search.SearchService.MessageHit;
import io.convene.search.SearchService.PersonHit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the search context asks of the stored people, meetings and chat ({@code persistence.SqlSearchIndex}:
 * PostgreSQL's trigram and full-text indexes). Who may find what is decided before: by the criteria.
 */
public interface SearchIndex {

    /** The person whose view of meetings is searched: what they host, are invited to (a verified address) or joined. */
    record Viewer(UUID userId, String email, boolean emailVerified) {
    }

    /**
     * Meetings {@code viewer} sees (null: all), with these prefix words ({@code to_tsquery} form, or
     * null), starting in [from, to) (each optional), with this participant's address (or null).
     */
    record MeetingCriteria(Viewer viewer, String words, Instant from, Instant to, String participant, int limit) {
    }

    /** People whose name or address starts with the term or is close to it; deactivated ones only if asked. */
    List<PersonHit> people(String term, boolean deactivatedToo, int limit);

    /** Newest first. */
    List<MeetingHit> meetings(MeetingCriteria criteria);

    /** Chat messages with these prefix words that the user could read, in meetings they attended (one, if given); newest first. */
    List<MessageHit> messages(UUID userId, String words, UUID meetingId, int limit);
}
