package io.convene.audit;

/**
 * Every administrative action the audit trail records, by the name it is stored and filtered under
 * ({@link #code()}; a stored name never changes). Hosts' controls in a meeting are recorded under
 * their own names (ADMIT, MUTE, ...).
 */
public enum AuditAction {
    ACCOUNT_CREATED("account.created"),
    ACCOUNT_ROLES_CHANGED("account.roles"),
    ACCOUNT_LOGGED_OUT("account.logout"),
    ACCOUNT_ENABLED("account.enabled"),
    ACCOUNT_DISABLED("account.disabled"),
    ACCOUNT_PASSWORD_RESET("account.password-reset"),
    AUDIT_EXPORTED("audit.exported"),
    DEAD_LETTER_REPLAYED("dead-letter.replayed"),
    DEAD_LETTER_DISCARDED("dead-letter.discarded"),
    DIRECTORY_CREATED("directory.created"),
    DIRECTORY_CHANGED("directory.changed"),
    DIRECTORY_DELETED("directory.deleted"),
    DIRECTORY_SYNCED("directory.sync"),
    INTEGRATION_CONNECTED("integration.connected"),
    INTEGRATION_DISCONNECTED("integration.disconnected"),
    INTEGRATION_CHECKED("integration.checked"),
    WEBHOOK_REGISTERED("webhook.registered"),
    WEBHOOK_REMOVED("webhook.removed"),
    PRIVACY_EXPORT_REQUESTED("privacy.export-requested"),
    PRIVACY_EXPORT_DOWNLOADED("privacy.export-downloaded"),
    PRIVACY_ERASURE_REFUSED("privacy.erasure-refused"),
    PRIVACY_ERASED("privacy.erased"),
    PRIVACY_HOLD_PLACED("privacy.hold-placed"),
    PRIVACY_HOLD_RELEASED("privacy.hold-released"),
    RETENTION_CHANGED("retention.changed"),
    RETENTION_PURGED("retention.purged"),
    REPORT_USAGE_REQUESTED("report.usage-requested"),
    REPORT_USAGE_DOWNLOADED("report.usage-downloaded"),
    RECORDING_STARTED("RECORDING_STARTED"),
    RECORDING_STOPPED("RECORDING_STOPPED"),
    RECORDING_SHARED("RECORDING_SHARED"),
    RECORDING_UNSHARED("RECORDING_UNSHARED"),
    RECORDING_DELETED("RECORDING_DELETED"),
    RECORDING_ACCESSED("RECORDING_ACCESSED");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The name stored in the trail and matched by its filter. */
    public String code() {
        return code;
    }
}
