package io.convene.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A URL that wants some meeting events, signed with its own secret. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String url;

    /** The events it wants, comma-separated. */
    @Column(nullable = false)
    private String events;

    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, Set<Announcement.Event> events, String secretSealed, Instant now) {
        this.id = UUID.randomUUID();
        this.url = url;
        this.events = events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.secretSealed = secretSealed;
        this.createdAt = now;
    }

    public boolean wants(Announcement.Event event) {
        return events().contains(event);
    }

    public Set<Announcement.Event> events() {
        Set<Announcement.Event> set = EnumSet.noneOf(Announcement.Event.class);
        Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).map(Announcement.Event::valueOf).forEach(set::add);
        return set;
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    String secretSealed() {
        return secretSealed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
