package io.convene.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An LDAP directory in memory: people (by their unique id) and groups. Every entry listed or changed
 * gets the next change marker, as LDAP's modifyTimestamp moves; people are handed out a page of the
 * settings' page size at a time. It can be made unreachable, and it remembers how it was accessed.
 */
final class InMemoryDirectoryReader implements DirectoryReader {

    private final Map<String, DirectoryPerson> people = new LinkedHashMap<>();
    private final Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    private final List<DirectoryAccess> accesses = new ArrayList<>();
    private final List<Integer> pagesHanded = new ArrayList<>();
    private final List<String> changedAfterAsked = new ArrayList<>();
    private long changes;
    private String down;

    /** Lists the person (or changes their entry): their entry gets the next change marker. */
    void list(DirectoryPerson p) {
        people.put(p.uuid(), new DirectoryPerson(p.dn(), p.uuid(), p.username(), p.email(), p.firstName(), p.lastName(),
                p.displayName(), p.phone(), p.department(), p.managerDn(), p.disabled(), p.memberOf(), nextMarker()));
    }

    /** The entry is deleted, or no longer matches the filter. */
    void unlist(String uuid) {
        people.remove(uuid);
    }

    void unlistEveryone() {
        people.clear();
    }

    /** Adds or replaces a group (a group's change does not change its members' entries). */
    void group(DirectoryGroup group) {
        groups.put(GroupTree.normalize(group.dn()), group);
    }

    /** From now on the directory does not answer, with this message. */
    void goDown(String message) {
        down = message;
    }

    /** The marker the directory's newest change has. */
    String lastMarker() {
        return marker(changes);
    }

    List<DirectoryAccess> accesses() {
        return List.copyOf(accesses);
    }

    /** The sizes of the pages handed out, in order. */
    List<Integer> pagesHanded() {
        return List.copyOf(pagesHanded);
    }

    /** The {@code changedAfter} of every people search (null for all of them). */
    List<String> changedAfterAsked() {
        return new ArrayList<>(changedAfterAsked);
    }

    @Override
    public ConnectionCheck check(DirectoryAccess access) {
        answer(access);
        return new ConnectionCheck(access.settings().urls().get(0), 12, people.isEmpty() ? 0 : 1, groups.size());
    }

    @Override
    public List<DirectoryPerson> firstPeople(DirectoryAccess access, int howMany) {
        answer(access);
        return people.values().stream().limit(howMany).toList();
    }

    @Override
    public List<DirectoryGroup> groups(DirectoryAccess access) {
        answer(access);
        return List.copyOf(groups.values());
    }

    @Override
    public String people(DirectoryAccess access, String changedAfter, Consumer<List<DirectoryPerson>> page) {
        answer(access);
        changedAfterAsked.add(changedAfter);
        List<DirectoryPerson> found = people.values().stream()
                .filter(p -> changedAfter == null || p.changeMarker().compareTo(changedAfter) > 0).toList();
        int size = access.settings().pageSize();
        for (int from = 0; from < found.size(); from += size) {
            List<DirectoryPerson> one = found.subList(from, Math.min(found.size(), from + size));
            pagesHanded.add(one.size());
            page.accept(List.copyOf(one));
        }
        return found.stream().map(DirectoryPerson::changeMarker).max(String::compareTo).orElse(changedAfter);
    }

    private void answer(DirectoryAccess access) {
        if (down != null) {
            throw new DirectoryUnreachableException(down);
        }
        accesses.add(access);
    }

    private String nextMarker() {
        return marker(++changes);
    }

    private static String marker(long n) {
        return String.format("%012d", n);
    }
}
