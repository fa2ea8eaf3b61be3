package io.convene.integration;

/** The outside services Convene talks to, and whether one connects per organisation or per user. */
public enum Provider {
    GOOGLE(false), MICROSOFT(false), SLACK(true), TEAMS(true);

    private final boolean organisationWide;

    Provider(boolean organisationWide) {
        this.organisationWide = organisationWide;
    }

    /** Connected once for everyone by an administrator (chat tools), not per user (calendars). */
    public boolean organisationWide() {
        return organisationWide;
    }
}
