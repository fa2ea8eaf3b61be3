package io.convene.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.convene.directory.DirectoryGroup;
import io.convene.directory.DirectoryPerson;
import io.convene.directory.DirectoryReader;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryUnreachableException;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Reads directories with the UnboundID LDAP SDK: simple paged results (RFC 2696) for people and
 * groups, so no more than a few pages of entries are in memory at a time; a sync's people are read a
 * page ahead of their provisioning.
 */
@Stateless
@Local(DirectoryReader.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UnboundIdDirectoryReader implements DirectoryReader {

    /** Reads a sync's next page of people while the sync provisions the one before ({@link PagesAhead}). */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService threads;

    @Override
    public ConnectionCheck check(DirectoryAccess access) {
        long t0 = System.nanoTime();
        try (LDAPConnection c = DirectoryConnections.open(access)) {
            DirectorySettings s = access.settings();
            int people = firstEntries(c, s.usersDn(), s.peopleFilter(), 1, "users DN").size();
            int groups = firstEntries(c, s.groupsDn(), s.groupsFilter(), 1, "groups DN").size();
            return new ConnectionCheck(DirectoryConnections.where(c), (System.nanoTime() - t0) / 1_000_000, people, groups);
        }
    }

    @Override
    public List<DirectoryPerson> firstPeople(DirectoryAccess access, int howMany) {
        try (LDAPConnection c = DirectoryConnections.open(access)) {
            DirectorySettings s = access.settings();
            PersonMapping mapping = new PersonMapping(s);
            List<DirectoryPerson> people = new ArrayList<>();
            paged(c, s.usersDn(), Filter.create(s.peopleFilter()), Math.min(howMany, s.pageSize()), mapping.attributes(),
                    "users DN", page -> page.stream().limit(howMany - people.size()).map(mapping::person).forEach(people::add),
                    () -> people.size() >= howMany);
            return people;
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("The users filter is not valid LDAP: " + e.getMessage());
        }
    }

    @Override
    public List<DirectoryGroup> groups(DirectoryAccess access) {
        DirectorySettings s = access.settings();
        String[] attributes = s.attributes().memberOf() == null
                ? new String[] {s.attributes().groupName(), s.groupMemberAttribute()}
                : new String[] {s.attributes().groupName(), s.groupMemberAttribute(), s.attributes().memberOf()};
        List<DirectoryGroup> groups = new ArrayList<>();
        try (LDAPConnection c = DirectoryConnections.open(access)) {
            paged(c, s.groupsDn(), Filter.create(s.groupsFilter()), s.pageSize(), attributes, "groups DN",
                    page -> page.forEach(e -> groups.add(new DirectoryGroup(e.getDN(),
                            firstNonNull(e.getAttributeValue(s.attributes().groupName()), e.getDN()),
                            values(e, s.groupMemberAttribute()),
                            s.attributes().memberOf() == null ? List.of() : values(e, s.attributes().memberOf())))),
                    () -> false);
            return groups;
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("The group object classes do not make an LDAP filter: " + e.getMessage());
        }
    }

    @Override
    public String people(DirectoryAccess access, String changedAfter, Consumer<List<DirectoryPerson>> page) {
        DirectorySettings s = access.settings();
        ChangeMarker marker = new ChangeMarker(s.changeMarker(), changedAfter);
        PersonMapping mapping = new PersonMapping(s);
        try (LDAPConnection c = DirectoryConnections.open(access)) {
            Filter people = Filter.create(s.peopleFilter());
            Filter filter = changedAfter == null ? people : Filter.createANDFilter(people, marker.changedFilter());
            PagesAhead.read(threads, (each, stop) -> paged(c, s.usersDn(), filter, s.pageSize(), mapping.attributes(),
                    "users DN", each, stop), entries -> {
                List<DirectoryPerson> persons = entries.stream().map(mapping::person).toList();
                persons.forEach(p -> marker.saw(p.changeMarker()));
                page.accept(persons);
            });
            return marker.highest();
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("The users filter is not valid LDAP: " + e.getMessage());
        }
    }

    /** Searches page by page, handing each page on, until the directory has no more or {@code enough}. */
    private static void paged(LDAPConnection c, String base, Filter filter, int pageSize, String[] attributes,
                              String what, Consumer<List<SearchResultEntry>> each, java.util.function.BooleanSupplier enough) {
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
            request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult result;
            try {
                result = c.search(request);
            } catch (LDAPSearchException e) {
                throw searchFailed(c, base, what, e);
            }
            each.accept(result.getSearchEntries());
            try {
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null ? null : response.getCookie();
            } catch (LDAPException e) {
                throw new DirectoryUnreachableException("The directory at " + DirectoryConnections.where(c)
                        + " answered a paged search wrongly: " + e.getMessage());
            }
        } while (cookie != null && cookie.getValueLength() > 0 && !enough.getAsBoolean());
    }

    private static List<SearchResultEntry> firstEntries(LDAPConnection c, String base, String filter, int limit, String what) {
        try {
            SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, "1.1");
            request.setSizeLimit(limit);
            return c.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            throw searchFailed(c, base, what, e);
        } catch (LDAPException e) {
            throw new DirectoryUnreachableException("The " + what + " filter is not valid LDAP: " + e.getMessage());
        }
    }

    private static DirectoryUnreachableException searchFailed(LDAPConnection c, String base, String what, LDAPException e) {
        if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
            return new DirectoryUnreachableException("The " + what + " " + base + " does not exist in the directory at "
                    + DirectoryConnections.where(c));
        }
        return new DirectoryUnreachableException("The directory at " + DirectoryConnections.where(c) + " refused the search under "
                + base + ": " + e.getResultCode() + DirectoryConnections.describe(e));
    }

    static List<String> values(SearchResultEntry e, String attribute) {
        String[] v = attribute == null ? null : e.getAttributeValues(attribute);
        return v == null ? List.of() : List.of(v);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
