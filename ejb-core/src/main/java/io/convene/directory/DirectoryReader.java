package io.convene.directory;

import java.util.List;
import java.util.function.Consumer;

/**
 * The port to LDAP directories (UnboundID, in module {@code ldap-config}). Failures to reach or bind
 * raise {@link DirectoryUnreachableException} with a message an administrator can act on.
 */
public interface DirectoryReader {

    /** Connects, binds, and looks for one person: what "test connection" shows. */
    ConnectionCheck check(DirectoryAccess access);

    /** The first people the settings find, for a preview before the first sync. */
    List<DirectoryPerson> firstPeople(DirectoryAccess access, int howMany);

    /** All groups under the groups DN (names and memberships, not their members' entries). */
    List<DirectoryGroup> groups(DirectoryAccess access);

    /**
     * Hands people to {@code page} a page at a time (paged search, so a large directory is never
     * all in memory); only those changed after {@code changedAfter} when it is not null. Answers the
     * highest change marker seen, or {@code changedAfter} when nothing changed.
     */
    String people(DirectoryAccess access, String changedAfter, Consumer<List<DirectoryPerson>> page);

    record DirectoryAccess(DirectorySettings settings, String bindPassword) {
    }

    /** @param server the URL that answered; {@code peopleFound} is 0 or 1 (one is enough to prove the filter) */
    record ConnectionCheck(String server, long millis, int peopleFound, int groupsFound) {
    }
}
