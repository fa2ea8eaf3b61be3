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

    /** The Keycloak user id ("sub" claim); null for a directory user who has not signed in yet. */
    @Column(unique = true)
    private String subject;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "profile_picture_url")
    private String profilePictureUrl;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    /** The language chosen for Convene's pages (en, de); null: the browser's. */
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status;

    /**
     * Whether the address is known to be this person's: Keycloak verified it (the token's
     * email_verified), a directory provides it, or an administrator made the account. Invitations
     * to the address attach only to a verified user.
     */
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Version
    private long version;

    /** The directory that provisions this user, null for local users. */
    @Column(name = "directory_id")
    private UUID directoryId;

    @Column(name = "directory_uuid")
    private String directoryUuid;

    @Column(name = "directory_dn")
    private String directoryDn;

    @Column(name = "directory_username")
    private String directoryUsername;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String phone;

    private String department;

    @Column(name = "manager_dn")
    private String managerDn;

    /** The realm roles the directory's groups give, comma separated (Keycloak reads the same groups). */
    @Column(name = "directory_roles")
    private String directoryRoles;

    protected User() {
    }

    /** A person whose address is vouched for (a directory's, an administrator's account, a verified token). */
    public User(String subject, String name, String email, ZoneId timeZone, Instant createdAt) {
        this(subject, name, email, timeZone, createdAt, true);
    }

    /** @param emailVerified whether the address is known to be theirs (see {@link #emailVerified()}) */
    public User(String subject, String name, String email, ZoneId timeZone, Instant createdAt, boolean emailVerified) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.name = name;
        this.email = normalizeEmail(email);
        this.timeZone = timeZone.getId();
        this.createdAt = createdAt;
        this.status = UserStatus.ACTIVE;
        this.emailVerified = emailVerified;
    }

    /** A user a directory provisions before they ever sign in. */
    public static User provisioned(DirectoryAccount account, Instant now) {
        User user = new User(null, account.name(), account.email(), ZoneId.of("UTC"), now, true);
        user.refreshFrom(account);
        return user;
    }

    /** Takes the directory's current attributes; answers whether anything changed. */
    public boolean refreshFrom(DirectoryAccount a) {
        String before = directorySnapshot();
        directoryId = a.directoryId();
        directoryUuid = a.uuid();
        directoryDn = a.dn();
        directoryUsername = a.username();
        name = a.name();
        email = normalizeEmail(a.email());
        firstName = a.firstName();
        lastName = a.lastName();
        phone = a.phone();
        department = a.department();
        managerDn = a.managerDn();
        directoryRoles = a.roles();
        return !before.equals(directorySnapshot());
    }

    /** The directory disabled or dropped this person: they can no longer sign in; their history stays. */
    public boolean deactivate() {
        boolean was = status == UserStatus.ACTIVE;
        status = UserStatus.DISABLED;
        return was;
    }

    /** The directory has this person active again. */
    public boolean reactivate() {
        boolean was = status == UserStatus.DISABLED;
        status = UserStatus.ACTIVE;
        return was;
    }

    /**
     * Erasure: the person's data goes, the row stays as a pseudonym (the id meetings, votes and the
     * audit trail point to). Irreversible; the account is deactivated.
     */
    public void erase() {
        String pseudonym = id.toString().substring(0, 8);
        name = "Erased user " + pseudonym;
        email = "erased-" + id + "@erased.invalid";
        subject = null;
        profilePictureUrl = null;
        firstName = null;
        lastName = null;
        phone = null;
        department = null;
        managerDn = null;
        directoryId = null;
        directoryUuid = null;
        directoryDn = null;
        directoryUsername = null;
        directoryRoles = null;
        timeZone = "UTC";
        language = null;
        status = UserStatus.DISABLED;
    }

    /** Whether this row is what an erasure left: a pseudonym. */
    public boolean isErased() {
        return email.endsWith("@erased.invalid");
    }

    /** The address is now known to be theirs (Keycloak verified it); once verified, it stays so. */
    public void verifyEmail() {
        emailVerified = true;
    }

    /** The first sign-in of a provisioned user ties the account to its Keycloak subject. */
    public void linkSubject(String subject) {
        if (this.subject != null && !this.subject.equals(subject)) {
            throw new IllegalStateException("User " + id + " is already linked to another subject");
        }
        this.subject = subject;
    }

    private String directorySnapshot() {
        return String.join("|", String.valueOf(directoryId), String.valueOf(directoryUuid), String.valueOf(directoryDn),
                String.valueOf(directoryUsername), String.valueOf(name), String.valueOf(email), String.valueOf(firstName),
                String.valueOf(lastName), String.valueOf(phone), String.valueOf(department), String.valueOf(managerDn),
                String.valueOf(directoryRoles));
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** @param language "en" or "de", "" for the browser's, null to leave it */
    public void updateProfile(String name, String profilePictureUrl, ZoneId timeZone, String language) {
        if (language != null) {
            this.language = language.isBlank() ? null : language;
        }
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

    public String language() {
        return language;
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

    public boolean emailVerified() {
        return emailVerified;
    }

    public UUID directoryId() {
        return directoryId;
    }

    public String directoryUuid() {
        return directoryUuid;
    }

    public String directoryDn() {
        return directoryDn;
    }

    public String directoryUsername() {
        return directoryUsername;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String phone() {
        return phone;
    }

    public String department() {
        return department;
    }

    public String managerDn() {
        return managerDn;
    }

    public String directoryRoles() {
        return directoryRoles;
    }
}
