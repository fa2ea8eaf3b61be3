package io.convene.ldap;

import com.unboundid.ldap.sdk.SearchResultEntry;
import io.convene.directory.DirectoryPerson;
import io.convene.directory.DirectorySettings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Turns a directory entry into a {@link DirectoryPerson} by the attribute mapping. */
final class PersonMapping {

    /** Active Directory's userAccountControl flag for a disabled account. */
    private static final long ACCOUNTDISABLE = 0x2;

    private final DirectorySettings settings;
    private final DirectorySettings.Attributes a;

    PersonMapping(DirectorySettings settings) {
        this.settings = settings;
        this.a = settings.attributes();
    }

    /** The attributes to ask for, and no more. */
    String[] attributes() {
        Set<String> names = new LinkedHashSet<>(List.of(a.uuid(), a.username()));
        names.addAll(settings.emailAttributes());
        java.util.stream.Stream.of(a.firstName(), a.lastName(), a.displayName(), a.phone(), a.department(), a.manager(),
                a.memberOf(), settings.disabledFlag(), settings.changeMarker()).filter(Objects::nonNull).forEach(names::add);
        return names.toArray(String[]::new);
    }

    DirectoryPerson person(SearchResultEntry e) {
        String email = settings.emailAttributes().stream().map(e::getAttributeValue).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return new DirectoryPerson(e.getDN(), uuid(e), e.getAttributeValue(a.username()), email,
                value(e, a.firstName()), value(e, a.lastName()), value(e, a.displayName()), value(e, a.phone()),
                value(e, a.department()), value(e, a.manager()), disabled(e),
                UnboundIdDirectoryReader.values(e, a.memberOf()), value(e, settings.changeMarker()));
    }

    /** AD's objectGUID is 16 bytes, its first three fields little-endian; other directories give text. */
    private String uuid(SearchResultEntry e) {
        if ("objectGUID".equalsIgnoreCase(a.uuid())) {
            byte[] b = e.getAttributeValueBytes(a.uuid());
            if (b == null || b.length != 16) {
                return null;
            }
            ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            long high = ((long) le.getInt(0) << 32) | ((le.getShort(4) & 0xffffL) << 16) | (le.getShort(6) & 0xffffL);
            long low = ByteBuffer.wrap(b, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
            return new UUID(high, low).toString();
        }
        return e.getAttributeValue(a.uuid());
    }

    private boolean disabled(SearchResultEntry e) {
        String flags = value(e, settings.disabledFlag());
        if (flags == null) {
            return false;
        }
        try {
            return (Long.parseLong(flags.trim()) & ACCOUNTDISABLE) != 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String value(SearchResultEntry e, String attribute) {
        return attribute == null ? null : e.getAttributeValue(attribute);
    }
}
