package io.convene.shared;

/**
 * The one check of what a caller may do across the organisation: a role that grants the
 * {@link Permission} (403 without), then an account still active (401 when deactivated, read from
 * the database on every check). Answered by the user context, which knows accounts; every context
 * asks here, before it changes anything.
 */
public interface Permissions {

    void require(Caller caller, Permission permission);
}
