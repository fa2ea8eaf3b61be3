package io.convene.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** A person known to Convene, linked to the identity provider by the token subject. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    /** The Keycloak user id ("sub" claim). */
    @Column(nullable = false, unique = true)
    private String subject;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "profile_picture_url")
    private String profilePictureUrl;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status;

    @Version
    private long version;

    protected User() {
    }

    public User(String subject, String name, String email, ZoneId timeZone, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.name = name;
        this.email = normalizeEmail(email);
        this.timeZone = timeZone.getId();
        this.createdAt = createdAt;
        this.status = UserStatus.ACTIVE;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void updateProfile(String name, String profilePictureUrl, ZoneId timeZone) {
        if (name != null) {
            this.name = name;
        }
        if (profilePictureUrl != null) {
            this.profilePictureUrl = profilePictureUrl.isBlank() ? null : profilePictureUrl;
        }
        if (timeZone != null) {
            this.timeZone = timeZone.getId();
        }
    }

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String profilePictureUrl() {
        return profilePictureUrl;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UserStatus status() {
        return status;
    }
}
