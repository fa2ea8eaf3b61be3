package io.convene.user;

import io.convene.shared.IanaTimeZone;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to one's own profile; a null field stays as it is, a blank picture URL removes it, an
 * empty language goes back to the browser's.
 */
public record ProfileUpdate(
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 2048) @Pattern(regexp = "^$|^https://\\S+$", message = "must be an https URL") String profilePictureUrl,
        @Size(max = 64) @IanaTimeZone String timeZone,
        @Pattern(regexp = "|en|de", message = "must be en or de (empty: the browser's)") String language) {
}
