package io.convene.ldap;

import com.unboundid.ldap.sdk.Filter;

/**
 * Keeps track of the highest change marker seen: a number (AD's uSNChanged) or a generalized time
 * (modifyTimestamp, compared as time strings of one format). The next sync of changes asks for
 * entries past it.
 */
final class ChangeMarker {

    private final String attribute;
    private String highest;

    ChangeMarker(String attribute, String start) {
        this.attribute = attribute;
        this.highest = start;
    }

    /** Entries changed after the starting marker (uSNChanged) or at and after it (time, to the second). */
    Filter changedFilter() {
        if (isNumber(highest)) {
            return Filter.createGreaterOrEqualFilter(attribute, String.valueOf(Long.parseLong(highest) + 1));
        }
        return Filter.createGreaterOrEqualFilter(attribute, highest);
    }

    void saw(String value) {
        if (value == null) {
            return;
        }
        if (highest == null || compare(value, highest) > 0) {
            highest = value;
        }
    }

    String highest() {
        return highest;
    }

    private static int compare(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
