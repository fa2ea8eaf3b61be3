package io.convene.directory;

import java.util.Set;

/** One person as a sync would provision them. */
public record PreviewPerson(String dn, String username, String email, String name, String department,
                            boolean disabled, Set<String> roles) {
}
