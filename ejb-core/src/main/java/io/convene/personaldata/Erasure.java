package io.convene.personaldata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person's erasure as the keepers see it: who (as they were before it), the texts the meeting
 * logs must lose and what takes their place, what each keeper erased, and the stored files to delete
 * once everything else is done (a file cannot come back if the transaction rolls back).
 */
public final class Erasure {

    /** The person as they were: name, address, token subject and directory entry (each may be null). */
    public record Person(UUID id, String name, String email, boolean emailVerified, String subject, String directoryDn) {
    }

    private final Person person;
    private final Instant at;
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final Map<String, Integer> erased = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();

    public Erasure(Person person, Instant at) {
        this.person = person;
        this.at = at;
    }

    public Person person() {
        return person;
    }

    public Instant at() {
        return at;
    }

    /** Wherever a meeting log repeats {@code text}, it becomes {@code replacement}; the first keeper to name a text decides. */
    public void replaceInLogs(String text, String replacement) {
        if (text != null && !text.isBlank()) {
            replacements.putIfAbsent(text, replacement);
        }
    }

    /** The texts to replace in the meeting logs, in the order they were named. */
    public Map<String, String> replacements() {
        return Collections.unmodifiableMap(replacements);
    }

    /** What a keeper erased of one kind ("chat-messages"), for the erasure's certificate. */
    public void erased(String kind, int count) {
        erased.merge(kind, count, Integer::sum);
    }

    public Map<String, Integer> counts() {
        return Collections.unmodifiableMap(erased);
    }

    /** A stored file of the person's, deleted after the erasure's writes are done. */
    public void deleteFileAfterwards(String blobKey) {
        files.add(blobKey);
    }

    public List<String> files() {
        return Collections.unmodifiableList(files);
    }
}
