package io.convene.search;

import io.convene.search.SearchService.MeetingHit;
import io.convene.search.SearchService.MessageHit;
import io.convene.search.SearchService.PersonHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The search index kept in lists, for unit tests: people matched by the start of a name or address,
 * meetings by the prefix words {@code SearchTerms} makes (all of them, in the title), seen by those
 * a test says; messages by their readers. What PostgreSQL's trigram similarity forgives is not
 * imitated. Every question asked is kept for the test to read.
 */
final class InMemorySearchIndex implements SearchIndex {

    record IndexedMeeting(MeetingHit hit, Set<UUID> seenBy, Set<String> participants) {
    }

    record IndexedMessage(MessageHit hit, Set<UUID> readers) {
    }

    final List<PersonHit> people = new ArrayList<>();
    final List<IndexedMeeting> meetings = new ArrayList<>();
    final List<IndexedMessage> messages = new ArrayList<>();
    final List<Object> asked = new ArrayList<>();

    record PeopleAsked(String term, boolean deactivatedToo, int limit) {
    }

    record MessagesAsked(UUID userId, String words, UUID meetingId, int limit) {
    }

    @Override
    public List<PersonHit> people(String term, boolean deactivatedToo, int limit) {
        asked.add(new PeopleAsked(term, deactivatedToo, limit));
        return people.stream().filter(p -> deactivatedToo || p.active())
                .filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(term) || p.email().startsWith(term))
                .limit(limit).toList();
    }

    @Override
    public List<MeetingHit> meetings(MeetingCriteria c) {
        asked.add(c);
        return meetings.stream()
                .filter(m -> c.viewer() == null || m.seenBy().contains(c.viewer().userId()))
                .filter(m -> c.words() == null || hasWords(m.hit().title(), c.words()))
                .filter(m -> c.from() == null || !m.hit().startsAt().isBefore(c.from()))
                .filter(m -> c.to() == null || m.hit().startsAt().isBefore(c.to()))
                .filter(m -> c.participant() == null || m.participants().contains(c.participant()))
                .map(IndexedMeeting::hit).sorted(Comparator.comparing(MeetingHit::startsAt).reversed())
                .limit(c.limit()).toList();
    }

    @Override
    public List<MessageHit> messages(UUID userId, String words, UUID meetingId, int limit) {
        asked.add(new MessagesAsked(userId, words, meetingId, limit));
        return messages.stream().filter(m -> m.readers().contains(userId))
                .filter(m -> meetingId == null || meetingId.equals(m.hit().meetingId()))
                .filter(m -> hasWords(m.hit().content(), words))
                .map(IndexedMessage::hit).sorted(Comparator.comparing(MessageHit::sentAt).reversed())
                .limit(limit).toList();
    }

    /** {@code "quarterly:* & rev:*"}: every prefix starts a word of the text. */
    private static boolean hasWords(String text, String query) {
        List<String> words = Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\W+"));
        return Arrays.stream(query.split(" & ")).map(w -> w.substring(0, w.length() - 2))
                .allMatch(prefix -> words.stream().anyMatch(w -> w.startsWith(prefix)));
    }
}
