package io.convene.notification;

/** Where a notice reaches a person. */
public enum Channel {
    IN_APP(true), EMAIL(true), SLACK(false);

    private final boolean onByDefault;

    Channel(boolean onByDefault) {
        this.onByDefault = onByDefault;
    }

    /** In-app and e-mail are on until turned off; Slack direct messages are off until asked for. */
    public boolean onByDefault() {
        return onByDefault;
    }
}
