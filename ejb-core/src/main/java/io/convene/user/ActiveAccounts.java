package io.convene.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The people this node has lately found active (by token subject), so that a signed-in call need not
 * read their standing from the database again. A deactivation reaches every node at once: the
 * database announces it when it commits ({@value #CHANNEL}, sent by a trigger on users whoever
 * deactivates), and the node's listener forgets that person ({@link #deactivated}). While the
 * announcements cannot be heard (the listening connection lost, or not yet made), nothing is
 * remembered and every call reads the database. A standing read while an announcement was on its way
 * is not remembered (a generation counts the announcements); an entry is read again after
 * {@link #REMEMBERED} in any case.
 */
@ApplicationScoped
public class ActiveAccounts {

    /** The NOTIFY channel a deactivation is announced on, with the person's token subject. */
    public static final String CHANNEL = "convene_standing";

    static final Duration REMEMBERED = Duration.ofMinutes(1);
    static final int CAPACITY = 100_000;

    private final InstantSource clock;
    private final Map<String, Instant> activeUntil = new HashMap<>();
    private boolean listening;
    private long generation;

    public ActiveAccounts() {
        this(InstantSource.system());
    }

    ActiveAccounts(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether this person was found active lately and no deactivation of theirs has been announced since. */
    public synchronized boolean knownActive(String subject) {
        Instant until = activeUntil.get(subject);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            activeUntil.remove(subject);
            return false;
        }
        return true;
    }

    /** The count of announcements so far, read before the standing is read from the database. */
    public synchronized long generation() {
        return generation;
    }

    /**
     * This person's standing, read from the database after {@code generationBefore}, said active:
     * remembered unless an announcement came meanwhile (it may have been about them) or none can be heard.
     */
    public synchronized void foundActive(String subject, long generationBefore) {
        if (!listening || generation != generationBefore) {
            return;
        }
        if (activeUntil.size() >= CAPACITY) {
            Instant now = clock.instant();
            activeUntil.values().removeIf(until -> !now.isBefore(until));
            if (activeUntil.size() >= CAPACITY) {
                return;
            }
        }
        activeUntil.put(subject, clock.instant().plus(REMEMBERED));
    }

    /** The database announced this person's deactivation. */
    public synchronized void deactivated(String subject) {
        generation++;
        activeUntil.remove(subject);
    }

    /** Whether announcements can be heard from now on; either way, what was remembered is forgotten. */
    public synchronized void listening(boolean heard) {
        generation++;
        listening = heard;
        activeUntil.clear();
    }

    /** How many people this node remembers as active now (a gauge for operators). */
    public synchronized int remembered() {
        return activeUntil.size();
    }
}
