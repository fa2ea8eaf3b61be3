package io.convene.directory;

/** Members of this directory group (directly or through nested groups) get this realm role. */
public record RoleMapping(String group, String role) {
}
