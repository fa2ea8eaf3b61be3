package io.convene.meeting;

/** The meeting context's beans that other contexts use, wired the way CDI wires them, for their unit tests. */
public final class MeetingFixtures {

    /** The address the links in tests point to. */
    public static final String PUBLIC_URL = "https://convene.example";

    private MeetingFixtures() {
    }

    /** Links into meetings at {@code publicUrl} (the setting {@code convene.public-url}). */
    public static JoinLinks joinLinks(String publicUrl) {
        JoinLinks links = new JoinLinks();
        links.publicUrl = publicUrl;
        return links;
    }

    /** Links into meetings at {@link #PUBLIC_URL}. */
    public static JoinLinks joinLinks() {
        return joinLinks(PUBLIC_URL);
    }
}
